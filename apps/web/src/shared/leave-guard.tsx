import {
  createContext,
  useContext,
  useEffect,
  useRef,
  useState,
  useSyncExternalStore,
  type ReactNode,
} from 'react';
import {
  UNSAFE_createBrowserHistory as createBrowserHistory,
  unstable_HistoryRouter as HistoryRouter,
  type Blocker,
  type BlockerFunction,
} from 'react-router-dom';
import { guardHistory, type GuardedHistory } from './guarded-history';

const GuardedHistoryContext = createContext<GuardedHistory | null>(null);

/**
 * react-router's declarative `<BrowserRouter>` (same browser history, same transitions) whose history can
 * hold a navigation back for `useLeaveGuard`: the data router's `useBlocker` without the data router.
 */
export function GuardedBrowserRouter({ children }: { children: ReactNode }) {
  // What BrowserRouter creates for itself; v5Compat: push and replace tell the listener, as a router needs.
  const [history] = useState(() => guardHistory(createBrowserHistory({ window, v5Compat: true })));
  return (
    <GuardedHistoryContext.Provider value={history}>
      <HistoryRouter history={history}>{children}</HistoryRouter>
    </GuardedHistoryContext.Provider>
  );
}

/**
 * Holds back an in-app navigation (a link, navigate(), the browser's back and forward) for which
 * `shouldBlock` says so, and returns what react-router's `useBlocker` returns: `state` 'blocked' with the
 * held `location`, `proceed()` to go on, `reset()` to stay. One at a time: the last mounted wins.
 */
export function useLeaveGuard(shouldBlock: BlockerFunction): Blocker {
  const history = useContext(GuardedHistoryContext);
  if (!history) throw new Error('useLeaveGuard needs a GuardedBrowserRouter above it');
  // Asked with the function of the last render, as useBlocker does; a new function keeps a held navigation.
  const latest = useRef(shouldBlock);
  useEffect(() => {
    latest.current = shouldBlock;
  });
  useEffect(() => history.block((args) => latest.current(args)), [history]);
  return useSyncExternalStore(history.subscribe, history.blocker);
}
