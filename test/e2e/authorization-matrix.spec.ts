import { aCommitment, aFreshAgency } from '../helpers/factories.js';
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
  request: (id: string, version: number, lead: string) => { method: 'post' | 'put' | 'patch'; path: string; body: object; ifMatch?: boolean };
  expected: Record<Who, number>;
}

const coordinatorsOnly = (ok: number): Record<Who, number> => ({
  admin: ok, coordinator: ok, lead: 403, supporting: 403, other: 403, viewer: 403, anonymous: 401,
});
const leadToo = (ok: number): Record<Who, number> => ({ ...coordinatorsOnly(ok), lead: ok });

const transition = (to: string, extra: object = {}) => (id: string) => ({
  method: 'post' as const,
  path: `/api/v1/commitments/${id}/transitions`,
  body: { to, ...extra },
  ifMatch: true,
});

const CASES: Case[] = [
  { name: 'register', request: () => ({ method: 'post', path: '/api/v1/commitments', body: aCommitment() }), expected: coordinatorsOnly(201) },
  { name: 'revise details', request: (id) => ({ method: 'patch', path: `/api/v1/commitments/${id}`, body: { title: 'Revised' }, ifMatch: true }), expected: coordinatorsOnly(200) },
  {
    name: 'assign owners',
    request: (id, _v, lead) => ({ method: 'put', path: `/api/v1/commitments/${id}/owners`, body: { lead, supporting: ['UNDP'] }, ifMatch: true }),
    expected: coordinatorsOnly(200),
  },
  { name: 'set due date', request: (id) => ({ method: 'put', path: `/api/v1/commitments/${id}/due-date`, body: { dueDate: '2016-01-15' }, ifMatch: true }), expected: coordinatorsOnly(200) },
  { name: 'accept', request: transition('accepted'), expected: leadToo(200) },
  { name: 'start', from: 'accepted', request: transition('in_progress'), expected: leadToo(200) },
  { name: 'submit for review', from: 'in_progress', request: transition('under_review'), expected: leadToo(200) },
  { name: 'validate completion', from: 'under_review', request: transition('completed'), expected: coordinatorsOnly(200) },
  { name: 'return for work', from: 'under_review', request: transition('in_progress', { reason: 'More evidence' }), expected: coordinatorsOnly(200) },
  { name: 'discontinue', request: transition('discontinued', { reason: 'Obsolete', category: 'overtaken_by_events' }), expected: coordinatorsOnly(200) },
  { name: 'reopen', from: 'completed', request: transition('in_progress', { reason: 'New facts' }), expected: coordinatorsOnly(200) },
  {
    name: 'report progress',
    request: (id, _v, lead) => ({ method: 'post', path: `/api/v1/commitments/${id}/progress-reports`, body: { period: 2014, summary: 'Done a thing.', agency: lead } }),
    expected: { admin: 201, coordinator: 201, lead: 201, supporting: 403, other: 403, viewer: 403, anonymous: 401 },
  },
  {
    name: 'report progress for its own agency (no agency in the body)',
    request: (id) => ({ method: 'post', path: `/api/v1/commitments/${id}/progress-reports`, body: { period: 2014, summary: 'Done a thing.' } }),
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
  const as: Partial<Record<Who, SignedIn>> = {};

  beforeAll(async () => {
    api = await startTestApi();
    lead = await aFreshAgency(api.db);
    supporting = await aFreshAgency(api.db);
    const other = await aFreshAgency(api.db);
    as.admin = await api.signIn('admin');
    as.coordinator = api.coordinator;
    as.lead = await api.signIn('focal_point', lead);
    as.supporting = await api.signIn('focal_point', supporting);
    as.other = await api.signIn('focal_point', other);
    as.viewer = await api.signIn('viewer');
  });
  afterAll(() => api.close());

  const matrix = CASES.flatMap((c) => WHO.map((who) => [c.name, who, c.expected[who], c] as const));

  it.each(matrix)('%s as %s → %i', async (_name, who, expected, c) => {
    const created = await api.http.post('/api/v1/commitments').send(aCommitment({ leadAgency: lead, supportingAgencies: [supporting] })).expect(201);
    let version = 1;
    for (const to of PATH[c.from ?? ''] ?? []) {
      await api.http.post(`/api/v1/commitments/${created.body.id}/transitions`).set('If-Match', `"${version}"`).send({ to }).expect(200);
      version += 1;
    }
    const r = c.request(created.body.id, version, lead);
    const agent = who === 'anonymous' ? api.anonymous : as[who]!.http;
    let req = agent[r.method](r.path).send(r.body);
    if (r.ifMatch) req = req.set('If-Match', `"${version}"`);
    const before = await countEvents(api.db);
    const res = await req;
    expect({ status: res.status, body: res.status === expected ? undefined : res.body }).toEqual({ status: expected, body: undefined });
    if (expected >= 400) {
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(await countEvents(api.db)).toBe(before);
      if (expected === 403) expect(res.body.detail).toMatch(/may not|needs the role/);
    } else {
      expect(await countEvents(api.db)).toBe(before + 1);
    }
  });

  it('a focal point cannot report for another agency by naming it in the body', async () => {
    const created = await api.http.post('/api/v1/commitments').send(aCommitment({ leadAgency: lead, supportingAgencies: [supporting] })).expect(201);
    const before = await countEvents(api.db);
    const res = await as.supporting!.http
      .post(`/api/v1/commitments/${created.body.id}/progress-reports`)
      .send({ period: 2014, summary: 'Pretending.', agency: lead })
      .expect(403);
    expect(res.body.detail).toMatch(/only for its own agency/);
    expect(await countEvents(api.db)).toBe(before);
  });

  it('user management is for admins; coordinators list focal points only; everyone else is refused', async () => {
    const body = { email: `new-${Date.now()}@test.invalid`, name: 'New', role: 'viewer', password: 'a-long-password-1' };
    for (const who of ['coordinator', 'lead', 'viewer'] as const) await as[who]!.http.post('/api/v1/users').send(body).expect(403);
    await api.anonymous.post('/api/v1/users').send(body).expect(401);
    const created = await as.admin!.http.post('/api/v1/users').send(body).expect(201);
    for (const who of ['coordinator', 'lead', 'viewer'] as const) {
      await as[who]!.http.patch(`/api/v1/users/${created.body.id}`).send({ active: false }).expect(403);
    }
    // (by the users this file made: an every() over the list would also hold for an empty one)
    const ids = (res: { body: { items: Array<{ id: string }> } }) => res.body.items.map((u) => u.id);
    const focalPoints = (['lead', 'supporting', 'other'] as const).map((who) => as[who]!.user.id);
    const others = [...(['admin', 'coordinator', 'viewer'] as const).map((who) => as[who]!.user.id), created.body.id];
    const coordinatorView = await as.coordinator!.http.get('/api/v1/users').expect(200);
    expect(ids(coordinatorView)).toEqual(expect.arrayContaining(focalPoints));
    expect(ids(coordinatorView).filter((id) => others.includes(id))).toEqual([]);
    expect(coordinatorView.body.items.filter((u: { role: string }) => u.role !== 'focal_point')).toEqual([]);
    const adminView = await as.admin!.http.get('/api/v1/users').expect(200);
    expect(ids(adminView)).toEqual(expect.arrayContaining([...focalPoints, ...others]));
    await as.lead!.http.get('/api/v1/users').expect(403);
    await as.viewer!.http.get('/api/v1/users').expect(403);
  });

  it('everyone signed in reads; nobody anonymous does', async () => {
    for (const who of ['admin', 'coordinator', 'lead', 'viewer'] as const) await as[who]!.http.get('/api/v1/commitments').expect(200);
    await api.anonymous.get('/api/v1/commitments').expect(401);
    await api.anonymous.get('/api/v1/health').expect(200);
  });
});
