import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { checkBackingServices, closeOnSignals, loadEnvironment, logLevels, InvalidConfigurationError } from '@hld/config';
import { WorkerModule } from './worker.module.js';

async function main(): Promise<void> {
  // first of all: a signal at any point of start-up stops the process cleanly once it has started
  const shutdown = closeOnSignals('Worker');
  const env = loadEnvironment();
  const problems = await checkBackingServices(env, { database: true, redis: true });
  if (problems.length > 0) {
    for (const problem of problems) console.error(problem);
    process.exit(1);
  }
  // An application context, not an HTTP server: the worker only consumes queues.
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(env), { logger: logLevels(env) });
  // BullMQ workers close by letting their active jobs finish; the timers stop; then the connections
  shutdown.started(() => app.close());
}

main().catch((error: unknown) => {
  console.error(error instanceof InvalidConfigurationError ? error.message : error);
  process.exit(1);
});
