import { startTestApi, type TestApi } from '../helpers/test-api.js';

describe('Reference data, health and API docs', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  it('lists the eight agenda items in order', async () => {
    const res = await api.http.get('/api/v1/agenda-items').expect(200);
    expect(res.body.items.map((i: { number: number }) => i.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(res.body.items[1].title).toBe('Reduce the costs of labour migration');
  });

  it('lists the agencies, with the 28 contributors to the book', async () => {
    const res = await api.http.get('/api/v1/agencies').expect(200);
    const codes = res.body.items.map((a: { code: string }) => a.code);
    expect(codes).toEqual(expect.arrayContaining(['ILO', 'IOM', 'UNHCR', 'WB', 'SRSG']));
    expect(res.body.items.filter((a: { contributedToBook: boolean }) => a.contributedToBook)).toHaveLength(28);
  });

  it('reports PostgreSQL and Redis as up', async () => {
    const res = await api.http.get('/api/v1/health').expect(200);
    expect(res.body).toMatchObject({ status: 'ok', checks: { postgres: { status: 'up' }, redis: { status: 'up' } } });
  });

  it('serves the OpenAPI document describing the commitment routes', async () => {
    const res = await api.http.get('/api/docs/json').expect(200);
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining(['/api/v1/commitments', '/api/v1/commitments/{idOrCode}/transitions', '/api/v1/stats/status']),
    );
  });

  it('serves the OpenAPI explorer page and its assets, as the browser needs them', async () => {
    const page = await api.anonymous.get('/api/docs').expect(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.text).toContain('swagger-ui');
    // every script and stylesheet the page names is served, with the type a browser will accept
    const assets = [...page.text.matchAll(/(?:src|href)="([^"]+\.(?:js|css))"/g)].map(
      (m) => new URL(m[1], 'http://api.test/api/docs').pathname,
    );
    expect(assets).toEqual(
      expect.arrayContaining(['/api/docs/swagger-ui.css', '/api/docs/swagger-ui-bundle.js', '/api/docs/swagger-ui-init.js']),
    );
    for (const asset of assets) {
      const res = await api.anonymous.get(asset).expect(200);
      expect(res.headers['content-type']).toMatch(asset.endsWith('.css') ? /^text\/css/ : /^(text|application)\/javascript/);
      expect(res.text.length).toBeGreaterThan(100);
    }
  });

  it('echoes a sane X-Request-Id and makes one up otherwise', async () => {
    const given = await api.http.get('/api/v1/health').set('X-Request-Id', 'trace-123').expect(200);
    expect(given.headers['x-request-id']).toBe('trace-123');
    const made = await api.http.get('/api/v1/health').set('X-Request-Id', 'no spaces allowed').expect(200);
    expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});
