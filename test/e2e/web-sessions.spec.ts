import { startTestApi, type TestApi } from '../helpers/test-api.js';

const CSRF = { 'X-Requested-With': 'hld-web' };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The session cookie a sign-in set, as `name=value` for a Cookie header, and its attributes. */
function sessionCookieOf(setCookie: string[] | string | undefined): { cookie: string; attributes: string[] } {
  const header = [setCookie ?? []].flat().find((c) => /hld_session=/.test(c));
  if (!header) throw new Error(`no session cookie in ${JSON.stringify(setCookie)}`);
  const [cookie, ...attributes] = header.split(';').map((part) => part.trim());
  return { cookie, attributes: attributes.map((a) => a.toLowerCase()) };
}

async function signInWithCookie(api: TestApi, role: 'viewer' | 'focal_point' = 'viewer') {
  const user = await api.signIn(role, role === 'focal_point' ? 'ILO' : undefined);
  const res = await api.anonymous
    .post('/api/v1/auth/session')
    .set(CSRF)
    .send({ email: user.user.email, password: user.password })
    .expect(200);
  return { user: user.user, res, cookie: sessionCookieOf(res.headers['set-cookie']).cookie };
}

describe('Web app sessions (HttpOnly cookie + CSRF header)', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  it('signs in with an HttpOnly, SameSite=Lax, Path=/ cookie and puts no token where a script could read it', async () => {
    const { res, cookie, user } = await signInWithCookie(api);
    const { attributes } = sessionCookieOf(res.headers['set-cookie']);
    expect(cookie).toMatch(/^hld_session=[A-Za-z0-9_-]{43}$/);
    expect(attributes).toEqual(expect.arrayContaining(['httponly', 'samesite=lax', 'path=/']));
    expect(attributes).not.toContain('secure'); // on localhost only
    expect(res.body).toMatchObject({ id: user.id, email: user.email });
    expect(JSON.stringify(res.body)).not.toMatch(/token|hld_session/i);
    expect(res.headers['cache-control']).toBe('no-store');
    const me = await api.anonymous.get('/api/v1/me').set('Cookie', cookie).expect(200);
    expect(me.body.id).toBe(user.id);
    const session = await api.anonymous.get('/api/v1/auth/session').set('Cookie', cookie).expect(200);
    expect(session.body.user).toMatchObject({ id: user.id });
    expect((await api.anonymous.get('/api/v1/auth/session').expect(200)).body).toEqual({ user: null });
  });

  it('outside localhost the cookie is Secure and named __Host-', async () => {
    const user = await api.signIn('viewer');
    const res = await api.anonymous
      .post('/api/v1/auth/session')
      .set(CSRF)
      .set('Host', 'tracker.example.org')
      .send({ email: user.user.email, password: user.password })
      .expect(200);
    const { cookie, attributes } = sessionCookieOf(res.headers['set-cookie']);
    expect(cookie).toMatch(/^__Host-hld_session=/);
    expect(attributes).toEqual(expect.arrayContaining(['secure', 'httponly', 'samesite=lax', 'path=/']));
    expect(attributes.some((a) => a.startsWith('domain='))).toBe(false);
    await api.anonymous.get('/api/v1/me').set('Host', 'tracker.example.org').set('Cookie', cookie).expect(200);
  });

  it('refuses a cookie-authenticated change without the CSRF header (403 problem+json, nothing changed) and accepts it with', async () => {
    const { cookie, user } = await signInWithCookie(api);
    const refused = await api.anonymous.patch('/api/v1/me').set('Cookie', cookie).send({ language: 'fr' }).expect(403);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.body).toMatchObject({ status: 403, code: 'CSRF_HEADER_MISSING' });
    const [row] = await api.db.query('SELECT language FROM users WHERE id = $1', [user.id]);
    expect(row.language).toBeNull();
    const created = await api.anonymous.post('/api/v1/me/tokens').set('Cookie', cookie).send({ name: 'cross-site' });
    expect(created.status).toBe(403);
    expect(await api.db.query('SELECT id FROM api_tokens WHERE user_id = $1', [user.id])).toEqual([]);

    const accepted = await api.anonymous.patch('/api/v1/me').set('Cookie', cookie).set(CSRF).send({ language: 'fr' }).expect(200);
    expect(accepted.body.language).toBe('fr');
    // reading needs no header
    expect((await api.anonymous.get('/api/v1/me').set('Cookie', cookie).expect(200)).body.language).toBe('fr');
  });

  it('needs the CSRF header to sign in or out, so another site can do neither', async () => {
    const user = await api.signIn('viewer');
    const res = await api.anonymous.post('/api/v1/auth/session').send({ email: user.user.email, password: user.password }).expect(403);
    expect(res.body.code).toBe('CSRF_HEADER_MISSING');
    expect(res.headers['set-cookie']).toBeUndefined();
    const { cookie } = await signInWithCookie(api);
    await api.anonymous.delete('/api/v1/auth/session').set('Cookie', cookie).expect(403);
    await api.anonymous.get('/api/v1/me').set('Cookie', cookie).expect(200);
  });

  it('answers a wrong password as the token sign-in does, with no cookie', async () => {
    const user = await api.signIn('viewer');
    const res = await api.anonymous
      .post('/api/v1/auth/session')
      .set(CSRF)
      .send({ email: user.user.email, password: 'not-the-password' })
      .expect(401);
    expect(res.body.code).toBe('INVALID_CREDENTIALS');
    expect(res.headers['set-cookie']).toBeUndefined();
    const shape = await api.anonymous.post('/api/v1/auth/session').set(CSRF).send({ email: user.user.email }).expect(400);
    expect(shape.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'password' })]));
  });

  it('signs out: the session ends at once and the cookie is cleared', async () => {
    const { cookie, user } = await signInWithCookie(api);
    const res = await api.anonymous.delete('/api/v1/auth/session').set('Cookie', cookie).set(CSRF).expect(204);
    const cleared = sessionCookieOf(res.headers['set-cookie']);
    expect(cleared.cookie).toBe('hld_session=');
    expect(cleared.attributes).toEqual(expect.arrayContaining(['max-age=0', 'httponly', 'path=/']));
    const after = await api.anonymous.get('/api/v1/me').set('Cookie', cookie).expect(401);
    expect(after.body.code).toBe('SESSION_ENDED');
    expect((await api.anonymous.get('/api/v1/auth/session').set('Cookie', cookie).expect(200)).body).toEqual({ user: null });
    const [row] = await api.db.query('SELECT revoked_at FROM sessions WHERE user_id = $1 AND cookie_hash IS NOT NULL', [user.id]);
    expect(row.revoked_at).not.toBeNull();
    // signing out again (an already-ended session) still clears the cookie
    await api.anonymous.delete('/api/v1/auth/session').set('Cookie', cookie).set(CSRF).expect(204);
  });

  it('ends the cookie session when the user is deactivated', async () => {
    const admin = await api.signIn('admin');
    const { cookie, user } = await signInWithCookie(api, 'focal_point');
    await api.anonymous.get('/api/v1/me').set('Cookie', cookie).expect(200);
    await admin.http.patch(`/api/v1/users/${user.id}`).send({ active: false }).expect(200);
    await api.anonymous.get('/api/v1/me').set('Cookie', cookie).expect(401);
  });

  it('stores the interface language on the user: en, fr or es (400 naming the field otherwise), null to follow the browser', async () => {
    const user = await api.signIn('focal_point', 'IOM');
    expect((await user.http.get('/api/v1/me').expect(200)).body.language).toBeNull();
    const bad = await user.http.patch('/api/v1/me').send({ language: 'de' }).expect(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'language' })]);
    await user.http.patch('/api/v1/me').send({ language: 'es', role: 'admin' }).expect(400);
    expect((await user.http.get('/api/v1/me').expect(200)).body).toMatchObject({ language: null, role: 'focal_point' });
    expect((await user.http.patch('/api/v1/me').send({ language: 'es' }).expect(200)).body.language).toBe('es');
    expect((await user.http.get('/api/v1/me').expect(200)).body.language).toBe('es');
    expect((await user.http.patch('/api/v1/me').send({ language: null }).expect(200)).body.language).toBeNull();
  });
});

describe('Web app session lifetimes', () => {
  let api: TestApi;
  const saved = { idle: process.env.SESSION_IDLE_TIMEOUT_SECONDS, absolute: process.env.SESSION_ABSOLUTE_TIMEOUT_SECONDS };
  beforeAll(async () => {
    process.env.SESSION_IDLE_TIMEOUT_SECONDS = '2';
    process.env.SESSION_ABSOLUTE_TIMEOUT_SECONDS = '8';
    api = await startTestApi();
  });
  afterAll(async () => {
    process.env.SESSION_IDLE_TIMEOUT_SECONDS = saved.idle ?? '';
    process.env.SESSION_ABSOLUTE_TIMEOUT_SECONDS = saved.absolute ?? '';
    await api.close();
  });

  it('ends a session left unused for the idle lifetime, not one in use', async () => {
    const unused = await signInWithCookie(api);
    expect(sessionCookieOf(unused.res.headers['set-cookie']).attributes).toContain('max-age=8');
    await api.anonymous.get('/api/v1/me').set('Cookie', unused.cookie).expect(200);
    await sleep(2500);
    const ended = await api.anonymous.get('/api/v1/me').set('Cookie', unused.cookie).expect(401);
    expect(ended.body.code).toBe('SESSION_ENDED');

    const used = await signInWithCookie(api);
    await api.anonymous.get('/api/v1/me').set('Cookie', used.cookie).expect(200);
    for (let i = 0; i < 4; i += 1) {
      await sleep(1200); // each request comes within the 2 s idle lifetime of the previous one
      await api.anonymous.get('/api/v1/me').set('Cookie', used.cookie).expect(200);
    }
    // well past the idle lifetime since sign-in, but in use: read afresh (here because its user changed), the
    // session's recorded last use is recent
    await api.db.query('UPDATE users SET display_name = display_name WHERE id = $1', [used.user.id]);
    await sleep(300);
    await api.anonymous.get('/api/v1/me').set('Cookie', used.cookie).expect(200);
  });

  it('ends a session at its absolute lifetime however active', async () => {
    const { cookie } = await signInWithCookie(api);
    const started = Date.now();
    while (Date.now() - started < 7300) {
      await api.anonymous.get('/api/v1/me').set('Cookie', cookie).expect(200);
      await sleep(800);
    }
    await sleep(Math.max(0, 8300 - (Date.now() - started)));
    const ended = await api.anonymous.get('/api/v1/me').set('Cookie', cookie).expect(401);
    expect(ended.body.code).toBe('SESSION_ENDED');
  });
});
