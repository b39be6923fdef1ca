import 'reflect-metadata';
import { checkBackingServices, closeOnSignals, loadEnvironment, InvalidConfigurationError } from '@hld/config';
import { FirstAdmin } from '@hld/identity';
import { createApiApp, stopApiApp } from './create-api-app.js';

async function main(): Promise<void> {
  // first of all: a signal at any point of start-up stops the process cleanly once it has started
  const shutdown = closeOnSignals('Api');
  const env = loadEnvironment();
  const problems = await checkBackingServices(env, { database: true, redis: true });
  if (problems.length > 0) {
    for (const problem of problems) console.error(problem);
    process.exit(1);
  }
  const app = await createApiApp(env);
  await app.get(FirstAdmin).ensure();
  await app.listen({ port: env.PORT, host: '0.0.0.0' });
  shutdown.started(() => stopApiApp(app));
  console.log(`HLD follow-up tracker API listening on ${env.PUBLIC_URL}/api/v1 (docs: ${env.PUBLIC_URL}/api/docs)`);
  console.log(`Web app: ${env.PUBLIC_URL}/`);
}

main().catch((error: unknown) => {
  console.error(error instanceof InvalidConfigurationError ? error.message : error);
  process.exit(1);
});
