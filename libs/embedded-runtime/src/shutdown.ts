/**
 * Process shutdown for the API and scripts that start embedded services.
 *
 * - SIGINT / SIGTERM: run the stops once, in reverse order (last started, first stopped), then exit 0
 *   (1 if a stop failed).
 * - A second SIGINT / SIGTERM while stopping: SIGKILL the children and exit at once (130).
 * - 'exit' (process.exit elsewhere, a fatal error): synchronous best effort — every child still
 *   running gets its clean-stop signal (postgres SIGINT = fast shutdown, meilisearch SIGTERM).
 *
 * A Ctrl-C in a terminal also reaches the children directly (same process group); the launchers'
 * stop() functions tolerate a child that has already exited. A SIGKILLed parent cannot run any of
 * this: the children then get a signal from the kernel (`setpriv --pdeathsig`, see process-tools).
 */
import {
  errorMessage,
  killChildrenSync,
  runningChildren,
  safeLog,
  type RuntimeLogEvent,
} from './process-tools';

/** Signals closer together than this are one user action delivered twice. */
const DUPLICATE_SIGNAL_MS = 1500;

export interface ShutdownOptions {
  /** Give up on the stops after this long, kill the children and exit 1 (default 30 s). */
  timeoutMs?: number;
  /** For tests: called instead of process.exit. */
  exit?: (code: number) => void;
  /** For tests: the clock used to tell a repeated signal from a second Ctrl-C. */
  now?: () => number;
}

/** Installs the handlers; returns a function that removes them again. */
export function installShutdown(
  stops: Array<() => Promise<void>>,
  log: (event: RuntimeLogEvent) => void,
  options: ShutdownOptions = {},
): () => void {
  const emit = safeLog(log);
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const timeoutMs = options.timeoutMs ?? 30_000;
  const now = options.now ?? Date.now;
  let stopping = false;

  const forceExit = (reason: string, code: number): void => {
    emit({
      service: 'runtime',
      level: 'warn',
      msg: reason,
      children: runningChildren().map((c) => ({ service: c.service, pid: c.pid })),
    });
    killChildrenSync(true);
    exit(code);
  };

  let firstSignalAt = 0;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (stopping) {
      // One Ctrl-C reaches us twice under `npm start`: from the terminal (whole process group) and
      // forwarded by npm. Only a second press, a moment later, means "stop waiting".
      if (now() - firstSignalAt < DUPLICATE_SIGNAL_MS) return;
      forceExit(`${signal} again: killing the services and exiting now`, 130);
      return;
    }
    stopping = true;
    firstSignalAt = now();
    emit({ service: 'runtime', level: 'info', msg: `${signal} received: stopping`, services: stops.length });
    const timer = setTimeout(
      () => forceExit(`shutdown took longer than ${timeoutMs} ms: killing the services`, 1),
      timeoutMs,
    );
    timer.unref();
    void (async () => {
      let failed = false;
      for (const stop of [...stops].reverse()) {
        try {
          await stop();
        } catch (err) {
          failed = true;
          emit({ service: 'runtime', level: 'error', msg: 'a stop failed', error: errorMessage(err) });
        }
      }
      clearTimeout(timer);
      emit({ service: 'runtime', level: 'info', msg: 'stopped' });
      exit(failed ? 1 : 0);
    })();
  };

  const onExit = (): void => killChildrenSync(false);

  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  process.on('exit', onExit);
  return () => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    process.off('exit', onExit);
  };
}
