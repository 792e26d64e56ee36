import { Injectable, Module } from '@nestjs/common';

/**
 * The time as the services see it. Services that decide by the time (registration windows, check-in days,
 * survey and reminder schedules) take it from here rather than from `new Date()`, so a test moves time
 * through the one clock the app was built with instead of sleeping or patching a service.
 */
export abstract class Clock {
  abstract now(): Date;
}

@Injectable()
export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}

/** One clock for the whole app: every module that imports this gets the same instance. */
@Module({ providers: [{ provide: Clock, useClass: SystemClock }], exports: [Clock] })
export class ClockModule {}
