import { Logger } from '@nestjs/common';

/**
 * Closes the process on SIGTERM or SIGINT by running `close` once (drain, then release connections), then exits 0;
 * a second signal, or a close that takes longer than `graceMs`, exits at once with 1.
 */
export function closeOnSignals(name: string, close: () => Promise<void>, graceMs = 25_000): void {
  const logger = new Logger(name);
  let closing = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (closing) process.exit(1);
    closing = true;
    logger.log(`${signal}: finishing in-flight work, then stopping`);
    const timer = setTimeout(() => {
      logger.error(`did not stop within ${graceMs} ms; exiting`);
      process.exit(1);
    }, graceMs);
    timer.unref();
    close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error(`stopping failed: ${(error as Error).message}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}
