import { randomInt, randomUUID } from 'node:crypto';
import { aCommitment } from '../helpers/factories.js';
import { startTestApi, type SignedIn, type TestApi } from '../helpers/test-api.js';

/** A fresh address from 198.18.0.0/15 (set aside for tests), so each test has budgets of its own. */
const anAddress = () => `198.18.${randomInt(0, 256)}.${randomInt(1, 255)}`;
const unknownEmail = () => `nobody-${randomUUID().slice(0, 8)}@test.invalid`;

function statuses(responses: Array<{ status: number }>): Record<number, number> {
  const counts: Record<number, number> = {};
  for (const { status } of responses) counts[status] = (counts[status] ?? 0) + 1;
  return counts;
}

/**
 * Sign-in as an attacker tries it from outside: forged client addresses, simultaneous guesses, guessing through a
 * list of accounts, stolen refresh tokens, a password change after a compromise, and the last admin locking
 * everyone out.
 */
describe('Sign-in and sessions under attack', () => {
  /** Reached directly: TRUST_PROXY unset, as by default. */
  let api: TestApi;
  /** Behind a trusted proxy on loopback (TRUST_PROXY=loopback), with the default budget per address. */
  let proxied: TestApi;

  beforeAll(async () => {
    [api, proxied] = await Promise.all([
      startTestApi(),
      startTestApi(undefined, { TRUST_PROXY: 'loopback', LOGIN_THROTTLE_ADDRESS_LIMIT: undefined }),
    ]);
  });
  afterAll(() => Promise.all([api.close(), proxied.close()]));

  const login = (on: TestApi, email: string, password: string, from?: string) => {
    const req = on.anonymous.post('/api/v1/auth/login');
    if (from) void req.set('X-Forwarded-For', from);
    return req.send({ email, password });
  };
  const status = async (on: TestApi, token: string) =>
    (await on.anonymous.get('/api/v1/me').set('Authorization', `Bearer ${token}`)).status;
  const refresh = (on: TestApi, refreshToken: string) => on.anonymous.post('/api/v1/auth/refresh').send({ refreshToken });
  const sessionAddress = async (on: TestApi, accessToken: string): Promise<string> => {
    const { sid } = JSON.parse(Buffer.from(accessToken.split('.')[1], 'base64url').toString());
    const [row] = await on.db.query(`SELECT client_ip FROM sessions WHERE id = $1`, [sid]);
    return row.client_ip;
  };
  const lastEventAddress = async (on: TestApi, streamId: string): Promise<string> => {
    const [row] = await on.db.query(
      `SELECT metadata ->> 'clientIp' AS ip FROM events WHERE stream_id = $1 ORDER BY stream_version DESC LIMIT 1`,
      [streamId],
    );
    return row.ip;
  };

  describe('forwarded addresses', () => {
    it('a client that names a new X-Forwarded-For on every attempt is still throttled', async () => {
      const user = await api.signIn('viewer');
      for (let i = 0; i < 5; i += 1) {
        await login(api, user.user.email, `wrong-${i}`, anAddress()).expect(401);
      }
      const refused = await login(api, user.user.email, user.password, anAddress()).expect(429);
      expect(refused.body.code).toBe('TOO_MANY_SIGN_IN_ATTEMPTS');
    });

    it('sessions and events record the address of the connection, not one the client names', async () => {
      const coordinator = await api.signIn('coordinator');
      const signedIn = await login(api, coordinator.user.email, coordinator.password, '203.0.113.66').expect(200);
      const real = await sessionAddress(api, coordinator.token); // signed in without the header
      expect(real).toMatch(/127\.0\.0\.1$/);
      expect(await sessionAddress(api, signedIn.body.accessToken)).toBe(real);

      const created = await api.anonymous
        .post('/api/v1/commitments')
        .set('Authorization', `Bearer ${signedIn.body.accessToken}`)
        .set('X-Forwarded-For', '203.0.113.66')
        .send(aCommitment())
        .expect(201);
      expect(await lastEventAddress(api, created.body.id)).toBe(real);
    });

    it('behind a trusted proxy the forwarded address is the client: throttled, and recorded, per that address', async () => {
      const coordinator = await proxied.signIn('coordinator');
      const [guesser, owner] = [anAddress(), anAddress()];
      for (let i = 0; i < 5; i += 1) await login(proxied, coordinator.user.email, `wrong-${i}`, guesser).expect(401);
      await login(proxied, coordinator.user.email, coordinator.password, guesser).expect(429);
      // the same email from another address is not locked out by the guesser
      const signedIn = await login(proxied, coordinator.user.email, coordinator.password, owner).expect(200);
      expect(await sessionAddress(proxied, signedIn.body.accessToken)).toBe(owner);

      const created = await proxied.anonymous
        .post('/api/v1/commitments')
        .set('Authorization', `Bearer ${signedIn.body.accessToken}`)
        .set('X-Forwarded-For', `${anAddress()}, ${owner}`) // the proxy appends the peer it saw; what precedes is the client's word
        .send(aCommitment())
        .expect(201);
      expect(await lastEventAddress(proxied, created.body.id)).toBe(owner);
    });
  });

  describe('throttles', () => {
    it('50 simultaneous wrong passwords for one email: only the budget reaches the password check, the rest get 429', async () => {
      const user = await api.signIn('viewer');
      const responses = await Promise.all(Array.from({ length: 50 }, (_, i) => login(api, user.user.email, `wrong-${i}`)));
      expect(statuses(responses)).toEqual({ 401: 5, 429: 45 });
      for (const refused of responses.filter((r) => r.status === 429)) {
        expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      }
      await login(api, user.user.email, user.password).expect(429);
    });

    it('30 failures per address across emails, then 429 for 15 minutes, even with a right password; other addresses unaffected', async () => {
      const user = await proxied.signIn('viewer');
      const guesser = anAddress();
      // successes cost nothing: signing into one's own account does not reset or spend the address's budget
      for (let i = 0; i < 3; i += 1) await login(proxied, user.user.email, user.password, guesser).expect(200);
      const responses = await Promise.all(Array.from({ length: 35 }, () => login(proxied, unknownEmail(), 'a-guessed-password', guesser)));
      expect(statuses(responses)).toEqual({ 401: 30, 429: 5 });
      const refused = await login(proxied, user.user.email, user.password, guesser).expect(429);
      expect(refused.body.code).toBe('TOO_MANY_SIGN_IN_ATTEMPTS');
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(14 * 60);
      expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(15 * 60);
      await login(proxied, user.user.email, user.password, anAddress()).expect(200);
    });

    it('wrong current passwords in PUT /me/password are throttled per account, simultaneous ones too', async () => {
      const user = await api.signIn('viewer');
      const change = (currentPassword: string) =>
        user.http.put('/api/v1/me/password').send({ currentPassword, newPassword: 'a-brand-new-password' });
      const responses = await Promise.all(Array.from({ length: 10 }, (_, i) => change(`wrong-password-${i}`)));
      expect(statuses(responses)).toEqual({ 401: 5, 429: 5 });
      const refused = await change(user.password).expect(429);
      expect(refused.body.code).toBe('TOO_MANY_PASSWORD_ATTEMPTS');
      expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      // the password did not change
      await login(api, user.user.email, user.password).expect(200);
    });
  });

  describe('what ends sessions and tokens', () => {
    it('a password change ends the other sessions and every API token; the session it was made in goes on', async () => {
      const user = await api.signIn('focal_point', 'ILO');
      const other = (await login(api, user.user.email, user.password).expect(200)).body;
      const script = (await user.http.post('/api/v1/me/tokens').send({ name: 'script' }).expect(201)).body;
      expect(await status(api, other.accessToken)).toBe(200);
      expect(await status(api, script.token)).toBe(200);

      await user.http.put('/api/v1/me/password').send({ currentPassword: user.password, newPassword: 'a-brand-new-password' }).expect(204);

      expect(await status(api, other.accessToken)).toBe(401);
      await refresh(api, other.refreshToken).expect(401);
      expect(await status(api, script.token)).toBe(401);
      const listed = await user.http.get('/api/v1/me/tokens').expect(200);
      expect(listed.body.items[0].revokedAt).not.toBeNull();
      expect(await status(api, user.token)).toBe(200);
      await refresh(api, user.refreshToken).expect(200);
    });

    it('reusing a rotated refresh token ends the whole session family: the newer tokens stop too, other sign-ins go on', async () => {
      const user = await api.signIn('viewer');
      const elsewhere = (await login(api, user.user.email, user.password).expect(200)).body;
      const rotated = (await refresh(api, user.refreshToken).expect(200)).body;
      const again = (await refresh(api, rotated.refreshToken).expect(200)).body;
      expect(await status(api, again.accessToken)).toBe(200);

      const reused = await refresh(api, user.refreshToken).expect(401);
      expect(reused.body.code).toBe('INVALID_TOKEN');
      expect(await status(api, again.accessToken)).toBe(401);
      await refresh(api, again.refreshToken).expect(401);
      expect(await status(api, elsewhere.accessToken)).toBe(200);
      await refresh(api, elsewhere.refreshToken).expect(200);
    });

    it('logout with an API token is refused with the way to revoke it, and the token is left as it was', async () => {
      const user = await api.signIn('viewer');
      const script = (await user.http.post('/api/v1/me/tokens').send({ name: 'script' }).expect(201)).body;
      const refused = await api.anonymous.post('/api/v1/auth/logout').set('Authorization', `Bearer ${script.token}`).expect(400);
      expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(refused.body).toMatchObject({ code: 'API_TOKEN_CANNOT_LOG_OUT', revoke: `/api/v1/me/tokens/${script.id}` });
      expect(refused.body.detail).toContain(`DELETE /api/v1/me/tokens/${script.id}`);
      expect(await status(api, script.token)).toBe(200);
    });

    it('answers that carry tokens may not be stored by any cache', async () => {
      const user = await api.signIn('viewer');
      const signedIn = await login(api, user.user.email, user.password).expect(200);
      const answers = [
        signedIn,
        await refresh(api, user.refreshToken).expect(200),
        await api.anonymous
          .post('/api/v1/me/tokens')
          .set('Authorization', `Bearer ${signedIn.body.accessToken}`)
          .send({ name: 'script' })
          .expect(201),
      ];
      for (const answer of answers) {
        expect(answer.headers['cache-control']).toBe('no-store');
        expect(answer.headers.pragma).toBe('no-cache');
      }
    });
  });

  describe('the last active admin', () => {
    const patch = (token: string, id: string, body: object) =>
      api.anonymous.patch(`/api/v1/users/${id}`).set('Authorization', `Bearer ${token}`).send(body);
    const activeAdmins = async () => (await api.db.query(`SELECT count(*)::int AS n FROM users WHERE role = 'admin' AND active`))[0].n;

    /** An admin who is the only active one (the admins other tests made are deactivated). */
    async function theOnlyAdmin(): Promise<SignedIn> {
      const admin = await api.signIn('admin');
      await api.db.query(`UPDATE users SET active = false WHERE role = 'admin' AND id <> $1`, [admin.user.id]);
      return admin;
    }

    it('cannot be demoted or deactivated, by itself or anyone: 409 with the reason', async () => {
      const first = await theOnlyAdmin();
      for (const change of [{ role: 'coordinator' }, { active: false }, { role: 'viewer', active: false }]) {
        const refused = await patch(first.token, first.user.id, change).expect(409);
        expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(refused.body).toMatchObject({ code: 'LAST_ACTIVE_ADMIN', detail: expect.stringMatching(/last active admin/) });
      }
      await patch(first.token, first.user.id, { role: 'admin', active: true }).expect(200);
      expect(await activeAdmins()).toBe(1);

      // with a second admin either may go, but not both
      const password = 'second-admin-password';
      const email = `admin-${randomUUID().slice(0, 8)}@test.invalid`;
      const created = (await first.http.post('/api/v1/users').send({ email, name: 'Second', role: 'admin', password }).expect(201)).body;
      const second = (await login(api, email, password).expect(200)).body.accessToken;
      await patch(second, first.user.id, { role: 'coordinator' }).expect(200);
      const refused = await patch(second, created.id, { active: false }).expect(409);
      expect(refused.body.code).toBe('LAST_ACTIVE_ADMIN');
      expect(await activeAdmins()).toBe(1);
    });

    it('two admins demoting or deactivating each other at the same moment leave one admin, never none', async () => {
      const first = await theOnlyAdmin();
      const second = await api.signIn('admin');
      let admins = [
        { id: first.user.id, email: first.user.email, password: first.password, token: first.token },
        { id: second.user.id, email: second.user.email, password: second.password, token: second.token },
      ];
      for (let round = 0; round < 10; round += 1) {
        const change = round % 2 === 0 ? { role: 'coordinator' } : { active: false };
        const [a, b] = admins;
        const responses = await Promise.all([patch(a.token, b.id, change), patch(b.token, a.id, change)]);
        expect(responses.map((r) => r.status).sort()).toEqual([200, 409]);
        expect(await activeAdmins()).toBe(1);
        // the one left restores the other, who signs in again (a deactivation ended its sessions)
        const [survivor, lost] = responses[0].status === 200 ? [a, b] : [b, a];
        await patch(survivor.token, lost.id, { role: 'admin', active: true }).expect(200);
        const token = (await login(api, lost.email, lost.password).expect(200)).body.accessToken;
        admins = [survivor, { ...lost, token }];
      }
    });
  });
});
