import * as argon2 from 'argon2';
import { TooManyRequestsError } from '../../common/app-error';

/**
 * Runs at most `concurrency` jobs at a time with at most `maxQueue` waiting; a job beyond that is refused
 * at once (`PasswordWorkBusyError`) instead of queueing unbounded work. FIFO; a finishing job hands its slot
 * straight to the next waiter.
 */
export class WorkLimiter {
  private running = 0;
  private readonly waiting: Array<() => void> = [];
  /** Moving average of a job's duration, for the retry-after estimate. */
  private averageMs = 100;

  constructor(
    readonly concurrency: number,
    readonly maxQueue: number,
  ) {}

  get active(): number {
    return this.running;
  }

  get queued(): number {
    return this.waiting.length;
  }

  async run<T>(job: () => Promise<T>): Promise<T> {
    if (this.running < this.concurrency) this.running += 1;
    else if (this.waiting.length >= this.maxQueue) throw new PasswordWorkBusyError(this.retryAfterSeconds());
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    const started = performance.now();
    try {
      return await job();
    } finally {
      this.averageMs = 0.8 * this.averageMs + 0.2 * (performance.now() - started);
      const next = this.waiting.shift();
      if (next) next();
      else this.running -= 1;
    }
  }

  /** When the queue should have room again: the work ahead of a newcomer, at least 1 s. */
  retryAfterSeconds(): number {
    const ahead = (this.waiting.length + this.running) / this.concurrency;
    return Math.max(1, Math.ceil((ahead * this.averageMs) / 1000));
  }
}

/** The password hashing queue is full: TOO_MANY_REQUESTS with `retryAfterSeconds`. */
export class PasswordWorkBusyError extends TooManyRequestsError {
  constructor(retryAfterSeconds: number) {
    super(
      `混み合っています。${retryAfterSeconds}秒後にもう一度お試しください。 (Too many sign-ins at once; try again shortly)`,
      retryAfterSeconds,
    );
  }
}

/**
 * Every argon2 hash and verification of the process goes through one limiter. Each costs ~64 MiB and tens of
 * milliseconds of a core in libuv's thread pool (4 threads): a burst of logins used to run four at a time
 * and queue the rest without bound, taking the CPU from every other request (docs/benchmarks.md,
 * `npm run bench:login-burst`). `configurePasswordWork` (AuthService, from ARGON2_CONCURRENCY and
 * ARGON2_QUEUE) sets the bounds; the defaults are the config's.
 */
let limiter = new WorkLimiter(2, 50);

export function configurePasswordWork(options: { concurrency: number; maxQueue: number }): void {
  if (limiter.concurrency === options.concurrency && limiter.maxQueue === options.maxQueue) return;
  limiter = new WorkLimiter(options.concurrency, options.maxQueue);
}

/** argon2id with the library's defaults (memory-hard, 64 MiB, t=3): OWASP's first choice for passwords. */
export function hashPassword(password: string): Promise<string> {
  return limiter.run(() => argon2.hash(password, { type: argon2.argon2id }));
}

/** Whether `password` matches `hash`; throws PasswordWorkBusyError when too many checks are waiting. */
export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  return limiter.run(async () => {
    try {
      return await argon2.verify(hash, password);
    } catch {
      return false;
    }
  });
}

/**
 * A fixed hash to verify against when the email is unknown, so timing does not reveal which emails exist.
 * Made once per process outside the limiter: a busy refusal must not be cached as the dummy hash.
 */
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= argon2.hash('not-a-real-password-' + Math.random(), { type: argon2.argon2id });
  return dummyHash;
}
