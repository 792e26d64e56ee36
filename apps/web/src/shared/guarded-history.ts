import {
  NavigationType,
  parsePath,
  type Blocker,
  type BlockerFunction,
  type HistoryRouterProps,
  type Location,
  type To,
} from 'react-router-dom';

export type History = HistoryRouterProps['history'];

/**
 * A router history that can hold navigations back: what `useBlocker` does in react-router's data router,
 * for the declarative router (`unstable_HistoryRouter`), which has no blocking of its own. The rules are the
 * data router's (`createRouter` in react-router 7): one blocker, the last set; it is asked with the router's
 * current location and the next one; a blocked push or replace waits for `proceed`, which makes it; a blocked
 * back or forward (POP) is undone at once with `go(-delta)` (the browser has already moved) and `proceed`
 * redoes it; `reset` stays; any navigation that happens puts the blocker back to unblocked. A POP the router
 * did not make (no index in the entry's state, `delta` null) cannot be undone and is let through.
 */
export interface GuardedHistory extends History {
  /**
   * Sets the blocker (replacing any other; a held navigation stays held); returns a function that removes it
   * (and forgets a held navigation, as the data router does when a blocker unmounts).
   */
  block(shouldBlock: BlockerFunction): () => void;
  /** What the blocker is doing: the same object until it changes (for useSyncExternalStore). */
  blocker(): Blocker;
  /** Calls `onChange` whenever `blocker()` changes; returns a function that stops it. */
  subscribe(onChange: () => void): () => void;
}

const UNBLOCKED: Blocker = { state: 'unblocked', proceed: undefined, reset: undefined, location: undefined };

export function guardHistory(base: History): GuardedHistory {
  let shouldBlock: BlockerFunction | undefined;
  let blocker = UNBLOCKED;
  const subscribers = new Set<() => void>();
  // The location the router shows: a POP has already changed base.location when the listener hears of it.
  let current = base.location;
  // Set while a blocked POP is being undone: the undoing POP is not the router's business.
  let undoing: (() => void) | undefined;

  function setBlocker(next: Blocker) {
    if (next === blocker) return;
    blocker = next;
    for (const onChange of subscribers) onChange();
  }

  function blocks(nextLocation: Location, historyAction: NavigationType): boolean {
    if (!shouldBlock || blocker.state === 'proceeding') return false;
    return shouldBlock({ currentLocation: current, nextLocation, historyAction });
  }

  function hold(location: Location, retry: () => void) {
    setBlocker({
      state: 'blocked',
      location,
      proceed() {
        setBlocker({ state: 'proceeding', proceed: undefined, reset: undefined, location });
        retry();
      },
      reset() {
        setBlocker(UNBLOCKED);
      },
    });
  }

  // The location a push or replace will make, as the data router computes it for its blocker.
  function nextLocation(to: To, state: unknown): Location {
    const path = typeof to === 'string' ? parsePath(to) : to;
    return {
      pathname: current.pathname,
      search: '',
      hash: '',
      ...path,
      state: state ?? null,
      key: Math.random().toString(36).substring(2, 10),
    };
  }

  function guarded(action: NavigationType, navigate: (...args: Parameters<History['push']>) => void) {
    return (...args: Parameters<History['push']>) => {
      const [to, state] = args;
      const location = nextLocation(to, state);
      if (blocks(location, action)) hold(location, () => navigate(...args));
      else navigate(...args);
    };
  }

  return {
    get action() {
      return base.action;
    },
    get location() {
      return base.location;
    },
    createHref: (to) => base.createHref(to),
    createURL: (to) => base.createURL(to),
    encodeLocation: (to) => base.encodeLocation(to),
    go: (delta) => base.go(delta),
    push: guarded(NavigationType.Push, (...args) => base.push(...args)),
    replace: guarded(NavigationType.Replace, (...args) => base.replace(...args)),
    listen(listener) {
      return base.listen((update) => {
        if (undoing) {
          const undone = undoing;
          undoing = undefined;
          undone();
          return;
        }
        if (
          update.action === NavigationType.Pop &&
          update.delta !== null &&
          blocks(update.location, update.action)
        ) {
          const { delta } = update;
          const back = new Promise<void>((resolve) => (undoing = resolve));
          base.go(-delta);
          hold(update.location, () => void back.then(() => base.go(delta)));
          return;
        }
        current = update.location;
        setBlocker(UNBLOCKED);
        listener(update);
      });
    },
    block(next) {
      shouldBlock = next;
      return () => {
        if (shouldBlock !== next) return;
        shouldBlock = undefined;
        setBlocker(UNBLOCKED);
      };
    },
    blocker: () => blocker,
    subscribe(onChange) {
      subscribers.add(onChange);
      return () => subscribers.delete(onChange);
    },
  };
}
