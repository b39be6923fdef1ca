import 'reflect-metadata';
import { Logger, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CommandBus } from '@nestjs/cqrs';
import { checkBackingServices, ConfigModule, InvalidConfigurationError, loadEnvironment } from '@hld/config';
import { PersistenceModule } from '@hld/persistence';
import { CommitmentsModule, RebuildCommitmentReadModels } from '@hld/commitments';

/** Operator commands that need the application's modules but no server. */
@Module({ imports: [ConfigModule, PersistenceModule, CommitmentsModule] })
class CliModule {}

const USAGE = 'usage: node dist/apps/cli/src/main.js projections:rebuild';

async function main(argv: string[]): Promise<void> {
  const [command] = argv;
  if (command !== 'projections:rebuild') {
    console.error(USAGE);
    process.exit(2);
  }
  const env = loadEnvironment();
  const problems = await checkBackingServices(env, { database: true, redis: false });
  if (problems.length > 0) {
    for (const problem of problems) console.error(problem);
    process.exit(1);
  }
  const app = await NestFactory.createApplicationContext(CliModule, { logger: ['error', 'warn'] });
  try {
    const started = performance.now();
    const result = await app.get(CommandBus).execute(new RebuildCommitmentReadModels());
    Logger.log(
      `Rebuilt commitment read models from ${result.events} events (${result.commitments} commitments) in ${Math.round(performance.now() - started)} ms`,
      'projections:rebuild',
    );
  } finally {
    await app.close();
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof InvalidConfigurationError ? error.message : error);
  process.exit(1);
});
