import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { KnownPrincipals } from '@hld/identity';
import { eventually } from '../helpers/smtp-sink.js';
import type { TcpProxy } from '../helpers/tcp-proxy.js';
import { startTestApi, startTestApiBehindDatabaseProxy, type TestApi } from '../helpers/test-api.js';
import { TEST_DATABASE_URL } from '../test-environment.js';

/** How long another process may go on accepting a credential after its revocation commits: the announcement's delivery. */
const PROPAGATION_BOUND_MS = 1_000;

/** Polls `status()` until it gives `expected`; resolves with how long that took. */
async function timeUntil(status: () => Promise<number>, expected: number): Promise<number> {
  const started = Date.now();
  await eventually(async () => expect(await status()).toBe(expected), PROPAGATION_BOUND_MS, 5);
  return Date.now() - started;
}

/**
 * Each API process keeps the principals it has authenticated (no database round trip per request) and drops a
 * user's the moment PostgreSQL announces a change to them. Two API instances on one database: a change made
 * through one, or straight in the database, must reach the other.
 */
describe('Principals kept by an API process', () => {
  let a: TestApi;
  let b: TestApi;
  const secret = process.env.JWT_SECRET;

  beforeAll(async () => {
    // one secret for both, as every instance of a deployment has
    process.env.JWT_SECRET = randomBytes(32).toString('base64url');
    [a, b] = await Promise.all([startTestApi(), startTestApi()]);
  });
  afterAll(async () => {
    if (secret === undefined) delete process.env.JWT_SECRET;
    else process.env.JWT_SECRET = secret;
    await Promise.all([a.close(), b.close()]);
  });

  const on =
    (api: TestApi, token: string, path = '/api/v1/me') =>
    async () =>
      (await api.anonymous.get(path).set('Authorization', `Bearer ${token}`)).status;

  it('answers from memory: a second request reads nothing about its sender', async () => {
    const user = await a.signIn('viewer');
    await eventually(async () => {
      expect(await on(b, user.token)()).toBe(200);
      expect(b.app.get(KnownPrincipals).size).toBeGreaterThan(0);
    });
  });

  it("deactivation through one process stops the user's tokens on the other", async () => {
    const admin = await a.signIn('admin');
    const focal = await a.signIn('focal_point', 'IOM');
    const apiToken = (await focal.http.post('/api/v1/me/tokens').send({ name: 'script' }).expect(201)).body.token;
    await eventually(async () => {
      expect(await on(b, focal.token)()).toBe(200);
      expect(await on(b, apiToken)()).toBe(200);
    });

    await admin.http.patch(`/api/v1/users/${focal.user.id}`).send({ active: false }).expect(200);
    expect(await on(a, focal.token)()).toBe(401); // the process that made the change: at once
    const took = await timeUntil(on(b, focal.token), 401);
    expect(await on(b, apiToken)()).toBe(401);
    expect(took).toBeLessThan(PROPAGATION_BOUND_MS);
  });

  it('a role change reaches the other process: its next decisions use the new role', async () => {
    const admin = await a.signIn('admin');
    const coordinator = await a.signIn('coordinator');
    await eventually(async () => expect(await on(b, coordinator.token, '/api/v1/users')()).toBe(200));

    await admin.http.patch(`/api/v1/users/${coordinator.user.id}`).send({ role: 'viewer' }).expect(200);
    await timeUntil(on(b, coordinator.token, '/api/v1/users'), 403);
  });

  it('logout and API token revocation reach the other process', async () => {
    const user = await a.signIn('coordinator');
    const apiToken = (await user.http.post('/api/v1/me/tokens').send({ name: 'script' }).expect(201)).body;
    await eventually(async () => {
      expect(await on(b, user.token)()).toBe(200);
      expect(await on(b, apiToken.token)()).toBe(200);
    });

    await user.http.delete(`/api/v1/me/tokens/${apiToken.id}`).expect(204);
    await timeUntil(on(b, apiToken.token), 401);
    await user.http.post('/api/v1/auth/logout').expect(204);
    await timeUntil(on(b, user.token), 401);
  });

  it('a password change through one process ends the other sessions and the API tokens on both; its own session goes on', async () => {
    const user = await a.signIn('focal_point', 'ILO');
    const other = (await a.anonymous.post('/api/v1/auth/login').send({ email: user.user.email, password: user.password }).expect(200)).body;
    const apiToken = (await user.http.post('/api/v1/me/tokens').send({ name: 'script' }).expect(201)).body.token;
    for (const api of [a, b]) {
      await eventually(async () => {
        expect(await on(api, other.accessToken)()).toBe(200);
        expect(await on(api, apiToken)()).toBe(200);
      });
    }

    await user.http.put('/api/v1/me/password').send({ currentPassword: user.password, newPassword: 'a-brand-new-password' }).expect(204);
    expect(await on(a, other.accessToken)()).toBe(401); // the process that made the change: at once
    expect(await on(a, apiToken)()).toBe(401);
    expect(await timeUntil(on(b, other.accessToken), 401)).toBeLessThan(PROPAGATION_BOUND_MS);
    expect(await timeUntil(on(b, apiToken), 401)).toBeLessThan(PROPAGATION_BOUND_MS);
    expect(await on(b, user.token)()).toBe(200);
  });

  it('a reused refresh token ends its session family on the other process too', async () => {
    const user = await a.signIn('viewer');
    const rotated = (await a.anonymous.post('/api/v1/auth/refresh').send({ refreshToken: user.refreshToken }).expect(200)).body;
    await eventually(async () => expect(await on(b, rotated.accessToken)()).toBe(200));

    await a.anonymous.post('/api/v1/auth/refresh').send({ refreshToken: user.refreshToken }).expect(401);
    expect(await on(a, rotated.accessToken)()).toBe(401);
    expect(await timeUntil(on(b, rotated.accessToken), 401)).toBeLessThan(PROPAGATION_BOUND_MS);
  });

  it('a change made straight in the database (an operator at a psql prompt) reaches every process', async () => {
    const user = await a.signIn('viewer');
    expect(await on(a, user.token)()).toBe(200);
    expect(await on(b, user.token)()).toBe(200);

    await a.db.query(`UPDATE sessions SET revoked_at = now() WHERE user_id = $1`, [user.user.id]);
    await timeUntil(on(a, user.token), 401);
    await timeUntil(on(b, user.token), 401);
  });
});

/** While the announcements cannot be heard, nothing may be answered from memory: a change made meanwhile is not heard of. */
describe('Principals kept by an API process, while PostgreSQL is unreachable', () => {
  let proxy: TcpProxy;
  let api: TestApi;
  let close: () => Promise<void>;
  /** Straight to PostgreSQL, not through the proxy: where an operator's change comes from. */
  const direct = new pg.Client({ connectionString: TEST_DATABASE_URL });

  beforeAll(async () => {
    ({ api, proxy, close } = await startTestApiBehindDatabaseProxy());
    await direct.connect();
  });
  afterAll(async () => {
    await close();
    await direct.end();
  });

  it('forgets what it kept when the connection goes, and reads afresh until it hears again', async () => {
    const user = await api.signIn('viewer');
    const me = async () => (await api.anonymous.get('/api/v1/me').set('Authorization', `Bearer ${user.token}`)).status;
    const known = api.app.get(KnownPrincipals);
    await eventually(async () => {
      expect(await me()).toBe(200);
      expect(known.size).toBeGreaterThan(0);
    });

    await proxy.cut();
    await eventually(() => expect(known.size).toBe(0));
    // revoked while this process could not hear it: the announcement is lost to it
    await direct.query(`UPDATE sessions SET revoked_at = now() WHERE user_id = $1`, [user.user.id]);
    await proxy.start();
    await eventually(async () => expect(await me()).toBe(401));

    // and once it hears again, it keeps principals again
    const other = await api.signIn('viewer');
    await eventually(async () => {
      expect((await other.http.get('/api/v1/me')).status).toBe(200);
      expect(known.size).toBeGreaterThan(0);
    });
  });
});
