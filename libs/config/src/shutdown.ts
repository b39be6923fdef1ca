import { Logger } from '@nestjs/common';

export interface ShutdownOnSignals {
  /** Hands over how to close the started application; a signal that came during start-up closes it now. */
  started(close: () => Promise<void>): void;
}

/**
 * Closes the process on SIGTERM or SIGINT by running `close` once (drain, then release connections), then exits 0;
 * a second signal, or a close that takes longer than `graceMs`, exits at once with 1.
 *
 * Call it before the application starts: start-up already runs work (the worker's first sweep sends reminders
 * before Nest returns the application), and a SIGTERM without a handler would kill that work mid-flight.
 */
export function closeOnSignals(name: string, graceMs = 25_000): ShutdownOnSignals {
  const logger = new Logger(name);
  let close: (() => Promise<void>) | undefined;
  let signalled: NodeJS.Signals | undefined;

  const run = (how: () => Promise<void>) =>
    how().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error(`stopping failed: ${(error as Error).message}`);
        process.exit(1);
      },
    );

  const onSignal = (signal: NodeJS.Signals) => {
    if (signalled) process.exit(1);
    signalled = signal;
    logger.log(close ? `${signal}: finishing in-flight work, then stopping` : `${signal} during start-up: stopping once started`);
    const timer = setTimeout(() => {
      logger.error(`did not stop within ${graceMs} ms; exiting`);
      process.exit(1);
    }, graceMs);
    timer.unref();
    if (close) void run(close);
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);

  return {
    started(closeApp) {
      close = closeApp;
      if (signalled) void run(closeApp);
    },
  };
}
