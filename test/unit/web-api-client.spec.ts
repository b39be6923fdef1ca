import { readFile } from 'node:fs/promises';
import { apiClientTypes, openApiDocumentWithoutServer } from '../../apps/api/src/openapi.js';

const CLIENT = 'apps/web/src/api/schema.d.ts';

describe("the web app's generated API client", () => {
  it('matches the API as it is now (npm run api:client regenerates it)', async () => {
    const current = await apiClientTypes(await openApiDocumentWithoutServer());
    const committed = await readFile(CLIENT, 'utf8');
    if (committed !== current)
      throw new Error(`${CLIENT} is stale: the API changed since it was generated; run npm run api:client and commit it`);
  });
});
