import 'reflect-metadata';
import { writeFile } from 'node:fs/promises';
import { apiClientTypes, openApiDocumentWithoutServer } from './openapi.js';

/**
 * `node dist/apps/api/src/openapi-cli.js` prints the OpenAPI document; with `--client <file>` it writes the web
 * app's generated API types there instead. Needs no database, Redis or server.
 */
async function main(args: string[]): Promise<void> {
  const document = await openApiDocumentWithoutServer();
  const clientAt = args.indexOf('--client');
  if (clientAt === -1) {
    process.stdout.write(`${JSON.stringify(document, null, 2)}\n`);
    return;
  }
  const file = args[clientAt + 1];
  if (!file) throw new Error('usage: openapi-cli.js [--client <file>]');
  await writeFile(file, await apiClientTypes(document));
  console.log(`wrote ${file}`);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
