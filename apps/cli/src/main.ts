import 'reflect-metadata';
import { type DynamicModule, Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CommandBus } from '@nestjs/cqrs';
import { checkBackingServices, ConfigModule, InvalidConfigurationError, loadEnvironment, type Environment } from '@hld/config';
import { PersistenceModule } from '@hld/persistence';
import { CommitmentsModule, RebuildCommitmentReadModels } from '@hld/commitments';
import { CatalogueInvalid, CatalogueModule, checkCatalogue, formatProblem, LoadCatalogue, readCatalogue } from '@hld/catalogue';
import { DEMO_DOMAIN, DEMO_PASSWORD, DemoUsers, FirstAdmin, IdentityModule } from '@hld/identity';
import { startAll } from './start-all.js';

/** Operator commands that need the application's modules but no server. */
@Module({ imports: [PersistenceModule, CommitmentsModule, CatalogueModule, IdentityModule] })
class CliModule {
  static forRoot(env: Environment): DynamicModule {
    return { module: CliModule, imports: [ConfigModule.forRoot(env)] };
  }
}

const USAGE = `usage: node dist/apps/cli/src/main.js <command>
  catalogue:check [dir]            validate the catalogue data without a database; print counts per agency
  catalogue:load [dir] [--if-empty] load the catalogue through the commitment commands, in one transaction
  projections:rebuild              rebuild every read model from the event log
  users:seed-demo                  DEMO ONLY: a coordinator and a focal point per agency, with a known password
  start                            the first admin if there are no users, then the API and the worker; ends by
                                   printing the web app's address (and the new admin's password)`;

const catalogueDir = (args: string[]) => args.find((a) => !a.startsWith('--')) ?? process.env.CATALOGUE_DIR ?? 'db/catalogue';

async function withApp<T>(work: (commands: CommandBus, app: INestApplicationContext) => Promise<T>): Promise<T> {
  const env = loadEnvironment();
  const problems = await checkBackingServices(env, { database: true, redis: false });
  if (problems.length > 0) {
    for (const problem of problems) console.error(problem);
    process.exit(1);
  }
  const app = await NestFactory.createApplicationContext(CliModule.forRoot(env), { logger: ['error', 'warn'] });
  try {
    return await work(app.get(CommandBus), app);
  } finally {
    await app.close();
  }
}

async function main([command, ...args]: string[]): Promise<void> {
  const started = performance.now();
  const elapsed = () => `${Math.round(performance.now() - started)} ms`;
  switch (command) {
    case 'catalogue:check': {
      const { problems, counts, catalogue } = checkCatalogue(await readCatalogue(catalogueDir(args)));
      for (const [agency, kinds] of Object.entries(counts).sort()) {
        console.log(
          `${agency.padEnd(10)} ${Object.entries(kinds)
            .map(([k, n]) => `${n} ${k}`)
            .join(', ')}`,
        );
      }
      console.log(
        `${catalogue.agencies.length} agencies, ${catalogue.commitments.length} commitments, ${catalogue.progressReports.length} progress reports, ` +
          `citing ${catalogue.documents.length} documents`,
      );
      if (problems.length > 0) {
        for (const problem of problems) console.error(formatProblem(problem));
        console.error(`catalogue:check: ${problems.length} problem(s)`);
        process.exit(1);
      }
      console.log('catalogue:check: no problems');
      return;
    }
    case 'catalogue:load': {
      const result = await withApp((commands) => commands.execute(new LoadCatalogue(catalogueDir(args), args.includes('--if-empty'))));
      console.log(
        result.skipped
          ? 'The database already holds commitments: catalogue load skipped (run npm run catalogue:load to reconcile it).'
          : `Catalogue loaded in ${elapsed()}: ${result.registered} registered, ${result.revised} revised, ` +
              `${result.ownersExtended} with owners extended, ${result.unchanged} unchanged; ` +
              `${result.reportsAdded} progress reports added, ${result.reportsAlreadyThere} already there.`,
      );
      return;
    }
    case 'projections:rebuild': {
      const result = await withApp((commands) => commands.execute(new RebuildCommitmentReadModels()));
      console.log(`Rebuilt read models from ${result.events} events (${result.commitments} commitments) in ${elapsed()}`);
      return;
    }
    case 'users:seed-demo': {
      const result = await withApp((_, app) => app.get(DemoUsers).seed());
      console.log(
        `DEMO accounts: ${result.created} created, ${result.existing} already there. Sign in as coordinator@${DEMO_DOMAIN} ` +
          `or <agency code in lower case>@${DEMO_DOMAIN} (e.g. ilo@${DEMO_DOMAIN}), password "${DEMO_PASSWORD}". ` +
          'Never run this on a real installation.',
      );
      return;
    }
    case 'start': {
      // the first admin before anything else starts, so that its password can be the last thing printed
      const firstAdmin = await withApp((_, app) => app.get(FirstAdmin).ensure({ quiet: true }));
      process.exitCode = await startAll({ publicUrl: loadEnvironment().PUBLIC_URL, firstAdmin });
      return;
    }
    default:
      console.error(USAGE);
      process.exit(2);
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof InvalidConfigurationError) console.error(error.message);
  else if (error instanceof CatalogueInvalid) console.error(`catalogue:load: nothing loaded.\n${error.message}`);
  else console.error(error);
  process.exit(1);
});
