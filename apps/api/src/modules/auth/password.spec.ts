import { PasswordWorkBusyError, WorkLimiter } from './password';

/** A job that finishes when told to. */
function deferred() {
  let finish!: () => void;
  let fail!: (e: Error) => void;
  const done = new Promise<void>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  return { done, finish, fail };
}

const tick = () => new Promise((r) => setImmediate(r));

describe('WorkLimiter (argon2 work per process)', () => {
  it('runs at most `concurrency` jobs at once, the others in arrival order', async () => {
    const limiter = new WorkLimiter(2, 10);
    const jobs = Array.from({ length: 5 }, () => deferred());
    const started: number[] = [];
    const results = jobs.map((j, i) =>
      limiter.run(async () => {
        started.push(i);
        await j.done;
        return i;
      }),
    );
    await tick();
    expect(started).toEqual([0, 1]);
    expect([limiter.active, limiter.queued]).toEqual([2, 3]);
    jobs[1].finish();
    await tick();
    expect(started).toEqual([0, 1, 2]);
    for (const j of jobs) j.finish();
    expect(await Promise.all(results)).toEqual([0, 1, 2, 3, 4]);
    expect([limiter.active, limiter.queued]).toEqual([0, 0]);
  });

  it('refuses a job when the queue is full, with TOO_MANY_REQUESTS and retryAfterSeconds', async () => {
    const limiter = new WorkLimiter(1, 2);
    const gate = deferred();
    const held = [0, 1, 2].map(() => limiter.run(() => gate.done));
    await tick();
    const refused = limiter.run(() => Promise.resolve());
    await expect(refused).rejects.toBeInstanceOf(PasswordWorkBusyError);
    await expect(refused).rejects.toMatchObject({
      code: 'TOO_MANY_REQUESTS',
      extensions: { retryAfterSeconds: expect.any(Number) },
    });
    gate.finish();
    await Promise.all(held);
    // Room again once the queue drains.
    await expect(limiter.run(() => Promise.resolve('ok'))).resolves.toBe('ok');
  });

  it('frees the slot of a job that throws', async () => {
    const limiter = new WorkLimiter(1, 0);
    await expect(limiter.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(limiter.active).toBe(0);
    await expect(limiter.run(() => Promise.resolve(1))).resolves.toBe(1);
  });
});
