import type { INestApplicationContext } from '@nestjs/common';
import { Clock } from '../src/common/clock';

export interface TestClock {
  /** From now on every service reads its time from `now`. */
  set(now: () => Date): void;
  /** Back to the real time. */
  reset(): void;
}

/** The app's one Clock, moved by the test: services see the new time without sleeping. */
export function testClock(app: INestApplicationContext): TestClock {
  const clock = app.get(Clock);
  return {
    set: (now) => void jest.spyOn(clock, 'now').mockImplementation(now),
    reset: () => jest.spyOn(clock, 'now').mockRestore(),
  };
}
