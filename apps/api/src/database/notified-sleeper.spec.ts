import { NotifiedSleeper } from './notified-sleeper';

const logger = { warn: jest.fn() };
const sleeper = () =>
  new NotifiedSleeper({ url: 'postgres://unused', channel: 'c', applicationName: 'test', logger });

/** Whether the promise has settled after the microtasks queued so far. */
async function settled(p: Promise<unknown>): Promise<boolean> {
  let done = false;
  void p.then(() => (done = true));
  await Promise.resolve();
  await Promise.resolve();
  return done;
}

describe('NotifiedSleeper', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('sleeps the time asked unless woken', async () => {
    const s = sleeper();
    const nap = s.sleep(1_000);
    jest.advanceTimersByTime(999);
    expect(await settled(nap)).toBe(false);
    jest.advanceTimersByTime(1);
    expect(await settled(nap)).toBe(true);
  });

  it('ends a sleep at a notification, and remembers one that came while busy', async () => {
    const s = sleeper();
    const nap = s.sleep(60_000);
    s.wake();
    expect(await settled(nap)).toBe(true);
    s.wake(); // committed while the consumer was working
    expect(await settled(s.sleep(60_000))).toBe(true);
    s.wake();
    s.clearWake(); // …then it looked for work and saw that row
    expect(await settled(s.sleep(60_000))).toBe(false);
  });

  it('does not let notifications cut a back-off short, but shutdown does', async () => {
    const s = sleeper();
    const backOff = s.sleep(30_000, false);
    s.wake();
    expect(await settled(backOff)).toBe(false);
    s.stop();
    expect(await settled(backOff)).toBe(true);
    expect(s.stopping).toBe(true);
    expect(await settled(s.sleep(60_000))).toBe(true);
  });
});
