import { createHmac } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import { DemoUsers, DEMO_DOMAIN, DEMO_PASSWORD } from '@hld/identity';
import { aCommitment } from '../helpers/factories.js';
import { countEvents } from '../helpers/db.js';
import { startTestApi, type TestApi } from '../helpers/test-api.js';

const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('Identity', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  const bearer = (token: string) => api.anonymous.get('/api/v1/me').set('Authorization', `Bearer ${token}`);

  describe('sign-in', () => {
    it('gives an access token, a refresh token and the user behind them; never the password', async () => {
      const focal = await api.signIn('focal_point', 'ILO');
      const me = await focal.http.get('/api/v1/me').expect(200);
      expect(me.body).toMatchObject({ id: focal.user.id, role: 'focal_point', agency: 'ILO', active: true });
      expect(JSON.stringify(me.body)).not.toMatch(/password|hash/i);
    });

    it('answers a wrong password and an unknown email alike, with 401', async () => {
      const user = await api.signIn('viewer');
      const wrong = await api.anonymous
        .post('/api/v1/auth/login')
        .send({ email: user.user.email, password: 'not-the-password' })
        .expect(401);
      const unknown = await api.anonymous
        .post('/api/v1/auth/login')
        .send({ email: 'nobody@test.invalid', password: 'whatever-it-is' })
        .expect(401);
      expect(wrong.body.code).toBe('INVALID_CREDENTIALS');
      expect(unknown.body.detail).toBe(wrong.body.detail);
      expect(wrong.headers['www-authenticate']).toMatch(/^Bearer/);
    });

    it('accepts the email in any case', async () => {
      const user = await api.signIn('viewer');
      await api.anonymous.post('/api/v1/auth/login').send({ email: user.user.email.toUpperCase(), password: user.password }).expect(200);
    });

    it('throttles repeated failures for one email with 429 and Retry-After, without locking out other accounts', async () => {
      const user = await api.signIn('viewer');
      const other = await api.signIn('viewer');
      for (let i = 0; i < 5; i += 1) {
        await api.anonymous
          .post('/api/v1/auth/login')
          .send({ email: user.user.email, password: `wrong-${i}` })
          .expect(401);
      }
      const throttled = await api.anonymous
        .post('/api/v1/auth/login')
        .send({ email: user.user.email, password: user.password })
        .expect(429);
      expect(throttled.body.code).toBe('TOO_MANY_SIGN_IN_ATTEMPTS');
      expect(Number(throttled.headers['retry-after'])).toBeGreaterThan(0);
      await api.anonymous.post('/api/v1/auth/login').send({ email: other.user.email, password: other.password }).expect(200);
    });
  });

  describe('tokens', () => {
    it('refuses a missing, malformed, tampered, unsigned (alg: none) or expired token with 401', async () => {
      const user = await api.signIn('viewer');
      await api.anonymous.get('/api/v1/me').expect(401);
      await api.anonymous.get('/api/v1/me').set('Authorization', 'Basic abc').expect(401);
      const [header, payload] = user.token.split('.');
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
      const tampered = `${header}.${b64({ ...claims, sub: api.coordinator.user.id })}.${user.token.split('.')[2]}`;
      expect((await bearer(tampered)).status).toBe(401);
      const unsigned = `${b64({ alg: 'none', typ: 'JWT' })}.${payload}.`;
      expect((await bearer(unsigned)).status).toBe(401);
      const otherKey = `${header}.${payload}.${createHmac('sha256', 'another-secret').update(`${header}.${payload}`).digest('base64url')}`;
      expect((await bearer(otherKey)).status).toBe(401);
      const expired = await api.app.get(JwtService).signAsync({ sub: claims.sub, sid: claims.sid, exp: Math.floor(Date.now() / 1000) - 5 });
      const res = await bearer(expired);
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('INVALID_TOKEN');
      expect((await bearer(user.token)).status).toBe(200);
    });

    it('rotates refresh tokens: the new pair works, the old refresh token does not', async () => {
      const user = await api.signIn('viewer');
      const refreshed = await api.anonymous.post('/api/v1/auth/refresh').send({ refreshToken: user.refreshToken }).expect(200);
      expect((await bearer(refreshed.body.accessToken)).status).toBe(200);
      await api.anonymous.post('/api/v1/auth/refresh').send({ refreshToken: user.refreshToken }).expect(401);
    });

    it('logout revokes the access token and its refresh token at once', async () => {
      const user = await api.signIn('coordinator');
      await user.http.post('/api/v1/auth/logout').expect(204);
      expect((await bearer(user.token)).status).toBe(401);
      await api.anonymous.post('/api/v1/auth/refresh').send({ refreshToken: user.refreshToken }).expect(401);
    });

    it('API tokens: shown once, listed by prefix, work like a session, stop at once when revoked', async () => {
      const focal = await api.signIn('focal_point', 'IOM');
      const created = await focal.http.post('/api/v1/me/tokens').send({ name: 'reporting script' }).expect(201);
      expect(created.body.token).toMatch(/^hld_/);
      const listed = await focal.http.get('/api/v1/me/tokens').expect(200);
      expect(listed.body.items).toEqual([
        expect.objectContaining({ id: created.body.id, name: 'reporting script', prefix: created.body.token.slice(0, 10) }),
      ]);
      expect(JSON.stringify(listed.body)).not.toContain(created.body.token);
      const me = await bearer(created.body.token).expect(200);
      expect(me.body.id).toBe(focal.user.id);
      await focal.http.delete(`/api/v1/me/tokens/${created.body.id}`).expect(204);
      expect((await bearer(created.body.token)).status).toBe(401);
      await focal.http.delete('/api/v1/me/tokens/not-a-uuid').expect(400);
      const someoneElse = await api.signIn('viewer');
      await someoneElse.http.delete(`/api/v1/me/tokens/${created.body.id}`).expect(404);
    });

    it('an API token past its expiry stops working', async () => {
      const user = await api.signIn('viewer');
      const created = await user.http
        .post('/api/v1/me/tokens')
        .send({ name: 'short', expiresAt: new Date(Date.now() + 60_000).toISOString() })
        .expect(201);
      await api.db.query(`UPDATE api_tokens SET expires_at = now() - interval '1 second' WHERE id = $1`, [created.body.id]);
      expect((await bearer(created.body.token)).status).toBe(401);
      await user.http.post('/api/v1/me/tokens').send({ name: 'past', expiresAt: '2001-01-01T00:00:00Z' }).expect(422);
    });
  });

  describe('users', () => {
    it('deactivation stops every token of the user at once, and sign-in fails like a wrong password', async () => {
      const admin = await api.signIn('admin');
      const focal = await api.signIn('focal_point', 'UNHCR');
      const apiToken = (await focal.http.post('/api/v1/me/tokens').send({ name: 'x' }).expect(201)).body.token;
      await admin.http.patch(`/api/v1/users/${focal.user.id}`).send({ active: false }).expect(200);
      expect((await bearer(focal.token)).status).toBe(401);
      expect((await bearer(apiToken)).status).toBe(401);
      const login = await api.anonymous.post('/api/v1/auth/login').send({ email: focal.user.email, password: focal.password }).expect(401);
      expect(login.body.code).toBe('INVALID_CREDENTIALS');
    });

    it('requires an agency for focal points only, and refuses a taken email in any case', async () => {
      const admin = await api.signIn('admin');
      const base = { name: 'N', password: 'a-long-password-2' };
      const noAgency = await admin.http
        .post('/api/v1/users')
        .send({ ...base, email: 'fp@test.invalid', role: 'focal_point' })
        .expect(422);
      expect(noAgency.body.errors[0].field).toBe('agency');
      await admin.http
        .post('/api/v1/users')
        .send({ ...base, email: 'co@test.invalid', role: 'coordinator', agency: 'ILO' })
        .expect(422);
      await admin.http
        .post('/api/v1/users')
        .send({ ...base, email: 'fp2@test.invalid', role: 'focal_point', agency: 'NOPE' })
        .expect(422);
      await admin.http
        .post('/api/v1/users')
        .send({ ...base, email: 'Dup@test.invalid', role: 'viewer' })
        .expect(201);
      const dup = await admin.http
        .post('/api/v1/users')
        .send({ ...base, email: 'dup@TEST.invalid', role: 'viewer' })
        .expect(409);
      expect(dup.body.code).toBe('EMAIL_TAKEN');
      await admin.http
        .post('/api/v1/users')
        .send({ ...base, email: 'short@test.invalid', role: 'viewer', password: 'short' })
        .expect(400);
      await admin.http
        .post('/api/v1/users')
        .send({ ...base, email: 'x@test.invalid', role: 'viewer', isAdmin: true })
        .expect(400);
    });

    it('changes a password only with the current one', async () => {
      const user = await api.signIn('viewer');
      await user.http
        .put('/api/v1/me/password')
        .send({ currentPassword: 'wrong-password', newPassword: 'a-brand-new-password' })
        .expect(401);
      await user.http.put('/api/v1/me/password').send({ currentPassword: user.password, newPassword: 'a-brand-new-password' }).expect(204);
      await api.anonymous.post('/api/v1/auth/login').send({ email: user.user.email, password: 'a-brand-new-password' }).expect(200);
    });

    it('seeds demo accounts, clearly marked, that can sign in', async () => {
      const result = await api.app.get(DemoUsers).seed();
      expect(result.created + result.existing).toBeGreaterThan(28);
      const login = await api.anonymous
        .post('/api/v1/auth/login')
        .send({ email: `ilo@${DEMO_DOMAIN}`, password: DEMO_PASSWORD })
        .expect(200);
      const me = await bearer(login.body.accessToken).expect(200);
      expect(me.body).toMatchObject({ role: 'focal_point', agency: 'ILO', demo: true, name: expect.stringMatching(/^\[DEMO\]/) });
    });
  });

  describe('audit', () => {
    it('records the acting user, role, agency, request id and client address on every event, from the principal', async () => {
      const focal = await api.signIn('focal_point', 'IOM');
      const c = (
        await api.http
          .post('/api/v1/commitments')
          .send(aCommitment({ leadAgency: 'IOM', supportingAgencies: [] }))
          .expect(201)
      ).body;
      const res = await focal.http
        .post(`/api/v1/commitments/${c.id}/transitions`)
        .set('If-Match', '"1"')
        .set('X-Request-Id', 'audit-trail-1')
        .send({ to: 'accepted', actor: 'someone-else' });
      expect(res.status).toBe(400); // the body cannot name the actor
      const before = await countEvents(api.db, c.id);
      await focal.http
        .post(`/api/v1/commitments/${c.id}/transitions`)
        .set('If-Match', '"1"')
        .set('X-Request-Id', 'audit-trail-1')
        .send({ to: 'accepted' })
        .expect(200);
      expect(await countEvents(api.db, c.id)).toBe(before + 1);
      const [event] = await api.db.query(`SELECT metadata FROM events WHERE stream_id = $1 ORDER BY stream_version DESC LIMIT 1`, [c.id]);
      expect(event.metadata).toMatchObject({
        actor: { id: focal.user.id, role: 'focal_point', agency: 'IOM' },
        correlationId: 'audit-trail-1',
        clientIp: '127.0.0.1',
      });
      const history = await api.http.get(`/api/v1/commitments/${c.id}/history`).expect(200);
      expect(history.body.items.at(-1)).toMatchObject({
        actor: { id: focal.user.id, role: 'focal_point', agency: 'IOM' },
        correlationId: 'audit-trail-1',
      });
    });
  });

  describe('edge', () => {
    it('sends security headers and no CORS grant by default', async () => {
      const res = await api.anonymous.get('/api/v1/health').set('Origin', 'https://evil.example').expect(200);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['strict-transport-security']).toBeDefined();
      expect(res.headers['access-control-allow-origin']).toBeUndefined();
    });
  });
});
