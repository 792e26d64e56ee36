import { UNSAFE_createMemoryHistory as createMemoryHistory, type BlockerFunction } from 'react-router-dom';
import { guardHistory, type GuardedHistory } from './guarded-history';

type Heard = { action: string; path: string; delta: number | null };

/** A guarded in-memory history at /cases/1/edit (after /cases/1), listened to as a router does. */
function setUp(shouldBlock?: BlockerFunction) {
  const base = createMemoryHistory({ initialEntries: ['/cases/1', '/cases/1/edit'], v5Compat: true });
  const history: GuardedHistory = guardHistory(base);
  const heard: Heard[] = [];
  history.listen(({ action, location, delta }) => heard.push({ action, path: location.pathname, delta }));
  const asked: Parameters<BlockerFunction>[0][] = [];
  const unblock = shouldBlock
    ? history.block((args) => {
        asked.push(args);
        return shouldBlock(args);
      })
    : () => undefined;
  const changes = jest.fn();
  history.subscribe(changes);
  return { history, heard, asked, unblock, changes, path: () => history.location.pathname };
}

// The case editor's rule: only a change of page asks.
const otherPage: BlockerFunction = ({ currentLocation, nextLocation }) =>
  currentLocation.pathname !== nextLocation.pathname;

describe('a guarded history', () => {
  it('navigates as the history it wraps when nothing blocks', () => {
    const { history, heard, path } = setUp();
    history.push('/cases');
    history.replace({ pathname: '/cases', search: '?q=a' });
    history.go(-1);
    expect(heard).toEqual([
      { action: 'PUSH', path: '/cases', delta: 1 },
      { action: 'REPLACE', path: '/cases', delta: 0 },
      { action: 'POP', path: '/cases/1/edit', delta: -1 },
    ]);
    expect(path()).toBe('/cases/1/edit');
    expect(history.createHref({ pathname: '/x', search: '?a=1' })).toBe('/x?a=1');
  });

  it('asks the blocker with where the router is, where it would go and how', () => {
    const { history, asked } = setUp(() => false);
    history.push({ pathname: '/cases', search: '?q=a' }, { from: 'editor' });
    expect(asked).toHaveLength(1);
    expect(asked[0].currentLocation.pathname).toBe('/cases/1/edit');
    expect(asked[0].nextLocation).toMatchObject({
      pathname: '/cases',
      search: '?q=a',
      hash: '',
      state: { from: 'editor' },
    });
    expect(asked[0].historyAction).toBe('PUSH');
    history.replace('#title');
    expect(asked[1].currentLocation.pathname).toBe('/cases');
    expect(asked[1].nextLocation).toMatchObject({
      pathname: '/cases',
      search: '',
      hash: '#title',
      state: null,
    });
    expect(asked[1].historyAction).toBe('REPLACE');
  });

  it('holds a push until proceed, then makes it', () => {
    const { history, heard, path, changes } = setUp(otherPage);
    history.push('/cases', { flash: 'x' });
    expect(heard).toEqual([]);
    expect(path()).toBe('/cases/1/edit');
    const blocked = history.blocker();
    expect(blocked.state).toBe('blocked');
    expect(blocked.location?.pathname).toBe('/cases');
    expect(changes).toHaveBeenCalledTimes(1);

    blocked.proceed?.();
    expect(heard).toEqual([{ action: 'PUSH', path: '/cases', delta: 1 }]);
    expect(history.location.state).toEqual({ flash: 'x' });
    expect(history.blocker().state).toBe('unblocked');
    // blocked → proceeding → unblocked
    expect(changes).toHaveBeenCalledTimes(3);
  });

  it('stays on reset, and asks again next time', () => {
    const { history, heard, path, asked } = setUp(otherPage);
    history.replace('/login');
    history.blocker().reset?.();
    expect(history.blocker().state).toBe('unblocked');
    expect(heard).toEqual([]);
    expect(path()).toBe('/cases/1/edit');
    history.push('/');
    expect(history.blocker().state).toBe('blocked');
    expect(asked).toHaveLength(2);
  });

  it('lets through what the blocker allows, and that navigation unblocks a held one', () => {
    const { history, heard } = setUp(otherPage);
    history.push('/cases');
    expect(history.blocker().state).toBe('blocked');
    history.replace({ pathname: '/cases/1/edit', search: '?tab=2' });
    expect(heard).toEqual([{ action: 'REPLACE', path: '/cases/1/edit', delta: 0 }]);
    expect(history.blocker().state).toBe('unblocked');
  });

  it('undoes a blocked back at once, and redoes it on proceed', async () => {
    const { history, heard, path } = setUp(otherPage);
    history.go(-1);
    // The browser had moved back; the guard moved it forward again, and the router heard of neither.
    expect(path()).toBe('/cases/1/edit');
    expect(heard).toEqual([]);
    const blocked = history.blocker();
    expect(blocked.state).toBe('blocked');
    expect(blocked.location?.pathname).toBe('/cases/1');

    blocked.proceed?.();
    expect(history.blocker().state).toBe('proceeding');
    await Promise.resolve();
    expect(path()).toBe('/cases/1');
    expect(heard).toEqual([{ action: 'POP', path: '/cases/1', delta: -1 }]);
    expect(history.blocker().state).toBe('unblocked');
  });

  it('asks a back with the location the router shows, not the one the browser moved to', () => {
    const { history, asked } = setUp(otherPage);
    history.go(-1);
    expect(asked[0].currentLocation.pathname).toBe('/cases/1/edit');
    expect(asked[0].nextLocation.pathname).toBe('/cases/1');
    expect(asked[0].historyAction).toBe('POP');
  });

  it('keeps a back that the blocker allows', () => {
    const { history, heard, path } = setUp(() => false);
    history.go(-1);
    expect(path()).toBe('/cases/1');
    expect(heard).toEqual([{ action: 'POP', path: '/cases/1', delta: -1 }]);
  });

  it('forgets the blocker and what it held when removed', () => {
    const { history, heard, unblock } = setUp(otherPage);
    history.push('/cases');
    unblock();
    expect(history.blocker().state).toBe('unblocked');
    history.push('/dashboard');
    expect(heard).toEqual([{ action: 'PUSH', path: '/dashboard', delta: 1 }]);
  });

  it('keeps the newer blocker when an older one is removed', () => {
    const { history, unblock } = setUp(() => false);
    history.block(() => true);
    unblock();
    history.push('/cases');
    expect(history.blocker().state).toBe('blocked');
  });

  it('tells subscribers only when the blocker changes', () => {
    const { history, changes } = setUp(otherPage);
    history.push('/cases/1/edit?x=1');
    const first = history.blocker();
    expect(history.blocker()).toBe(first);
    expect(changes).not.toHaveBeenCalled();
  });
});
