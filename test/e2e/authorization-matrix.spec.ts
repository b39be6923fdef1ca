import { randomUUID } from 'node:crypto';
import { aCommitment } from '../helpers/factories.js';
import { principalsAroundACommitment, type Principal } from '../helpers/principals.js';
import { countEvents } from '../helpers/db.js';
import { startTestApi, type SignedIn, type TestApi } from '../helpers/test-api.js';

/**
 * Every write endpoint × every role × own/other agency: the expected status, and nothing written when refused.
 * "lead" is a focal point of the agency that leads the commitment, "supporting" of one that supports it,
 * "other" of an agency with no part in it.
 */
type Who = 'admin' | 'coordinator' | 'lead' | 'supporting' | 'other' | 'viewer' | 'anonymous';
const WHO: Who[] = ['admin', 'coordinator', 'lead', 'supporting', 'other', 'viewer', 'anonymous'];

interface Case {
  name: string;
  /** The status the commitment is walked to (by a coordinator) before the request. */
  from?: 'accepted' | 'in_progress' | 'under_review' | 'completed';
  request: (
    id: string,
    version: number,
    lead: string,
  ) => { method: 'post' | 'put' | 'patch'; path: string; body: object; ifMatch?: boolean };
  expected: Record<Who, number>;
}

const coordinatorsOnly = (ok: number): Record<Who, number> => ({
  admin: ok,
  coordinator: ok,
  lead: 403,
  supporting: 403,
  other: 403,
  viewer: 403,
  anonymous: 401,
});
const leadToo = (ok: number): Record<Who, number> => ({ ...coordinatorsOnly(ok), lead: ok });

const transition =
  (to: string, extra: object = {}) =>
  (id: string) => ({
    method: 'post' as const,
    path: `/api/v1/commitments/${id}/transitions`,
    body: { to, ...extra },
    ifMatch: true,
  });

const CASES: Case[] = [
  {
    name: 'register',
    request: () => ({ method: 'post', path: '/api/v1/commitments', body: aCommitment() }),
    expected: coordinatorsOnly(201),
  },
  {
    name: 'revise details',
    request: (id) => ({ method: 'patch', path: `/api/v1/commitments/${id}`, body: { title: 'Revised' }, ifMatch: true }),
    expected: coordinatorsOnly(200),
  },
  {
    name: 'assign owners',
    request: (id, _v, lead) => ({
      method: 'put',
      path: `/api/v1/commitments/${id}/owners`,
      body: { lead, supporting: ['UNDP'] },
      ifMatch: true,
    }),
    expected: coordinatorsOnly(200),
  },
  {
    name: 'set due date',
    request: (id) => ({ method: 'put', path: `/api/v1/commitments/${id}/due-date`, body: { dueDate: '2016-01-15' }, ifMatch: true }),
    expected: coordinatorsOnly(200),
  },
  { name: 'accept', request: transition('accepted'), expected: leadToo(200) },
  { name: 'start', from: 'accepted', request: transition('in_progress'), expected: leadToo(200) },
  { name: 'submit for review', from: 'in_progress', request: transition('under_review'), expected: leadToo(200) },
  { name: 'validate completion', from: 'under_review', request: transition('completed'), expected: coordinatorsOnly(200) },
  {
    name: 'return for work',
    from: 'under_review',
    request: transition('in_progress', { reason: 'More evidence' }),
    expected: coordinatorsOnly(200),
  },
  {
    name: 'discontinue',
    request: transition('discontinued', { reason: 'Obsolete', category: 'overtaken_by_events' }),
    expected: coordinatorsOnly(200),
  },
  { name: 'reopen', from: 'completed', request: transition('in_progress', { reason: 'New facts' }), expected: coordinatorsOnly(200) },
  {
    name: 'report progress',
    request: (id, _v, lead) => ({
      method: 'post',
      path: `/api/v1/commitments/${id}/progress-reports`,
      body: { period: 2014, summary: 'Done a thing.', agency: lead },
    }),
    expected: { admin: 201, coordinator: 201, lead: 201, supporting: 403, other: 403, viewer: 403, anonymous: 401 },
  },
  {
    name: 'report progress for its own agency (no agency in the body)',
    request: (id) => ({
      method: 'post',
      path: `/api/v1/commitments/${id}/progress-reports`,
      body: { period: 2014, summary: 'Done a thing.' },
    }),
    expected: { admin: 422, coordinator: 422, lead: 201, supporting: 201, other: 403, viewer: 403, anonymous: 401 },
  },
];

const PATH: Record<string, string[]> = {
  accepted: ['accepted'],
  in_progress: ['accepted', 'in_progress'],
  under_review: ['accepted', 'in_progress', 'under_review'],
  completed: ['accepted', 'in_progress', 'under_review', 'completed'],
};

describe('Authorization matrix', () => {
  let api: TestApi;
  let lead: string;
  let supporting: string;
  let as: Record<Principal, SignedIn>;

  beforeAll(async () => {
    api = await startTestApi();
    ({ lead, supporting, as } = await principalsAroundACommitment(api));
  });
  afterAll(() => api.close());

  const matrix = CASES.flatMap((c) => WHO.map((who) => [c.name, who, c.expected[who], c] as const));

  it.each(matrix)('%s as %s → %i', async (_name, who, expected, c) => {
    const created = await api.http
      .post('/api/v1/commitments')
      .send(aCommitment({ leadAgency: lead, supportingAgencies: [supporting] }))
      .expect(201);
    let version = 1;
    for (const to of PATH[c.from ?? ''] ?? []) {
      await api.http.post(`/api/v1/commitments/${created.body.id}/transitions`).set('If-Match', `"${version}"`).send({ to }).expect(200);
      version += 1;
    }
    const r = c.request(created.body.id, version, lead);
    const agent = who === 'anonymous' ? api.anonymous : as[who].http;
    let req = agent[r.method](r.path).send(r.body);
    if (r.ifMatch) req = req.set('If-Match', `"${version}"`);
    const before = await countEvents(api.db);
    const res = await req;
    expect({ status: res.status, body: res.status === expected ? undefined : res.body }).toEqual({ status: expected, body: undefined });
    if (expected >= 400) {
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(await countEvents(api.db)).toBe(before);
      if (expected === 403) {
        expect(res.body).toMatchObject({ code: 'NOT_ALLOWED', action: expect.any(String), rule: expect.any(String) });
        expect(res.body.detail).toMatch(/may not/);
      }
    } else {
      expect(await countEvents(api.db)).toBe(before + 1);
    }
  });

  it('a focal point cannot report for another agency by naming it in the body', async () => {
    const created = await api.http
      .post('/api/v1/commitments')
      .send(aCommitment({ leadAgency: lead, supportingAgencies: [supporting] }))
      .expect(201);
    const before = await countEvents(api.db);
    const res = await as.supporting.http
      .post(`/api/v1/commitments/${created.body.id}/progress-reports`)
      .send({ period: 2014, summary: 'Pretending.', agency: lead })
      .expect(403);
    expect(res.body.detail).toMatch(/only for its own agency/);
    expect(await countEvents(api.db)).toBe(before);
  });

  it('user management is for admins; coordinators list focal points only; everyone else is refused', async () => {
    const body = { email: `new-${Date.now()}@test.invalid`, name: 'New', role: 'viewer', password: 'a-long-password-1' };
    for (const who of ['coordinator', 'lead', 'viewer'] as const) {
      const refused = await as[who].http.post('/api/v1/users').send(body).expect(403);
      expect(refused.body).toMatchObject({ code: 'NOT_ALLOWED', action: 'manage_users', rule: 'reserved to admins' });
    }
    await api.anonymous.post('/api/v1/users').send(body).expect(401);
    const created = await as.admin.http.post('/api/v1/users').send(body).expect(201);
    for (const who of ['coordinator', 'lead', 'viewer'] as const) {
      await as[who].http.patch(`/api/v1/users/${created.body.id}`).send({ active: false }).expect(403);
    }
    type Listed = { id: string; role: string };
    const ids = (items: Listed[]) => items.map((u) => u.id);
    const focalPoints = [as.lead, as.supporting, as.other].map((f) => f.user.id);
    const others = [as.admin, as.coordinator, as.viewer].map((u) => u.user.id);

    const coordinatorView: Listed[] = (await as.coordinator.http.get('/api/v1/users').expect(200)).body.items;
    expect(ids(coordinatorView)).toEqual(expect.arrayContaining(focalPoints));
    expect(coordinatorView.length).toBeGreaterThanOrEqual(focalPoints.length);
    expect(coordinatorView.filter((u) => u.role !== 'focal_point')).toEqual([]);
    for (const id of [...others, created.body.id]) expect(ids(coordinatorView)).not.toContain(id);

    const adminView: Listed[] = (await as.admin.http.get('/api/v1/users').expect(200)).body.items;
    expect(ids(adminView)).toEqual(expect.arrayContaining([...focalPoints, ...others, created.body.id]));
    expect(adminView.length).toBeGreaterThan(coordinatorView.length);
    for (const who of ['lead', 'viewer'] as const) {
      const refused = await as[who].http.get('/api/v1/users').expect(403);
      expect(refused.body).toMatchObject({ code: 'NOT_ALLOWED', action: 'list_focal_points', rule: 'reserved to admins and coordinators' });
    }
  });

  it.each([
    {
      action: 'open_cycle',
      request: { method: 'post', path: '/api/v1/reporting-cycles', body: { year: 2093, opensAt: '2093-11-01' } },
      holders: 'admins and coordinators',
    },
    {
      action: 'change_cycle',
      request: { method: 'patch', path: '/api/v1/reporting-cycles/2093', body: { deadline: '2094-02-01' } },
      holders: 'admins and coordinators',
    },
    {
      action: 'request_summary',
      request: { method: 'post', path: '/api/v1/annual-summaries', body: { year: 2014 } },
      holders: 'admins and coordinators',
    },
    {
      action: 'review_deliveries',
      request: { method: 'get', path: '/api/v1/admin/notifications?status=failed', body: {} },
      holders: 'admins',
    },
    {
      action: 'retry_delivery',
      request: { method: 'post', path: `/api/v1/admin/notifications/${randomUUID()}/retry`, body: {} },
      holders: 'admins',
    },
  ] as const)(
    '$action: refused to everyone but $holders by the same rules, before anything is read',
    async ({ action, request, holders }) => {
      const refusedTo: Principal[] = holders === 'admins' ? ['coordinator', 'lead', 'viewer'] : ['lead', 'supporting', 'viewer'];
      expect(refusedTo).toHaveLength(3);
      const before = await countEvents(api.db);
      for (const who of refusedTo) {
        const res = await as[who].http[request.method](request.path).send(request.body);
        expect({ who, status: res.status, body: res.body }).toMatchObject({
          who,
          status: 403,
          body: { code: 'NOT_ALLOWED', action, rule: `reserved to ${holders}` },
        });
      }
      expect((await api.anonymous[request.method](request.path).send(request.body)).status).toBe(401);
      expect(await countEvents(api.db)).toBe(before);
    },
  );

  it('everyone signed in reads; nobody anonymous does', async () => {
    for (const who of ['admin', 'coordinator', 'lead', 'viewer'] as const) await as[who].http.get('/api/v1/commitments').expect(200);
    await api.anonymous.get('/api/v1/commitments').expect(401);
    await api.anonymous.get('/api/v1/health').expect(200);
  });
});
