import { randomUUID } from 'node:crypto';
import { COMMITMENT_STATUSES } from '@hld/commitments';
import { aCommitment } from '../helpers/factories.js';
import { principalsAroundACommitment, type Principal } from '../helpers/principals.js';
import { countEvents } from '../helpers/db.js';
import { startTestApi, type SignedIn, type TestApi } from '../helpers/test-api.js';

/**
 * `allowedActions` is a promise the API keeps: for each principal and state, every action the GET lists is then
 * accepted, and every other one is refused (403 by the rules, 409 by the state), writing nothing.
 */
type Who = Exclude<Principal, 'admin'>;
const WHO: Who[] = ['lead', 'supporting', 'other', 'coordinator', 'viewer'];

interface Scenario {
  dueDate: string | null;
  /** A focal point of the lead agency asks for an extension before the moves. */
  extension?: boolean;
  moves: string[];
}
const SCENARIOS: Record<string, Scenario> = {
  'proposed, with a due date': { dueDate: '2015-01-15', moves: [] },
  'accepted, no due date': { dueDate: null, moves: ['accepted'] },
  'in progress, an extension waiting': { dueDate: '2015-01-15', extension: true, moves: ['accepted', 'in_progress'] },
  'under review, with a due date': { dueDate: '2015-01-15', moves: ['accepted', 'in_progress', 'under_review'] },
  'completed, with a due date': { dueDate: '2015-01-15', moves: ['accepted', 'in_progress', 'under_review', 'completed'] },
};

const EDITS = ['revise', 'assign_owners', 'set_due_date'];
/** Written out: what each principal is offered in each state. */
const EXPECTED: Record<string, Record<Who, string[]>> = {
  'proposed, with a due date': {
    lead: ['accept', 'start', 'report_progress', 'request_extension'],
    supporting: ['report_progress'],
    other: [],
    coordinator: ['accept', 'start', 'discontinue', ...EDITS, 'report_progress', 'request_extension'],
    viewer: [],
  },
  'accepted, no due date': {
    lead: ['start', 'report_progress'],
    supporting: ['report_progress'],
    other: [],
    coordinator: ['start', 'discontinue', ...EDITS, 'report_progress'],
    viewer: [],
  },
  'in progress, an extension waiting': {
    lead: ['submit_for_review', 'report_progress'],
    supporting: ['report_progress'],
    other: [],
    coordinator: ['submit_for_review', 'discontinue', ...EDITS, 'report_progress', 'decide_extension'],
    viewer: [],
  },
  'under review, with a due date': {
    lead: ['report_progress', 'request_extension'],
    supporting: ['report_progress'],
    other: [],
    coordinator: ['validate_completion', 'return_for_work', 'discontinue', ...EDITS, 'report_progress', 'request_extension'],
    viewer: [],
  },
  'completed, with a due date': {
    lead: ['report_progress'],
    supporting: ['report_progress'],
    other: [],
    coordinator: ['reopen', ...EDITS, 'report_progress'],
    viewer: [],
  },
};

interface Fixture {
  id: string;
  version: number;
  /** The extension request waiting for a decision, if any. */
  requestId?: string;
}

interface Attempt {
  /** An action name, or `to <status>` for a move (the API takes the status; the action follows from the state). */
  name: string;
  send(who: SignedIn, c: Fixture): Promise<{ status: number; body: unknown }>;
}

/** Fails naming the attempt and the whole answer when its status is not one of `statuses`. */
function expectStatus(attempt: string, answer: { status: number; body: unknown }, statuses: number[]): void {
  if (!statuses.includes(answer.status)) {
    throw new Error(`${attempt}: ${answer.status} where ${statuses.join(' or ')} was expected: ${JSON.stringify(answer.body)}`);
  }
}

describe('allowedActions: what the API offers is what it then accepts', () => {
  let api: TestApi;
  /** The principals, and the agencies that lead and support every commitment made here. */
  let around: Awaited<ReturnType<typeof principalsAroundACommitment>>;
  beforeAll(async () => {
    api = await startTestApi();
    around = await principalsAroundACommitment(api);
  });
  afterAll(() => api.close());

  async function aCommitmentIn(scenario: Scenario): Promise<Fixture> {
    const body = aCommitment({ leadAgency: around.lead, supportingAgencies: [around.supporting], dueDate: scenario.dueDate });
    const { id } = (await api.http.post('/api/v1/commitments').send(body).expect(201)).body;
    let version = 1;
    let requestId: string | undefined;
    if (scenario.extension) {
      const asked = await around.as.lead.http
        .post(`/api/v1/commitments/${id}/extension-requests`)
        .send({ dueDate: '2015-06-30', reason: 'Late data' })
        .expect(201);
      requestId = asked.body.pendingExtension.requestId;
      version += 1;
    }
    for (const to of scenario.moves) {
      await api.http.post(`/api/v1/commitments/${id}/transitions`).set('If-Match', `"${version}"`).send({ to }).expect(200);
      version += 1;
    }
    return { id, version, requestId };
  }

  const path = (c: Fixture, rest = '') => `/api/v1/commitments/${c.id}${rest}`;
  const ATTEMPTS: Attempt[] = [
    { name: 'revise', send: (w, c) => w.http.patch(path(c)).set('If-Match', `"${c.version}"`).send({ title: 'Revised' }) },
    {
      name: 'assign_owners',
      send: (w, c) =>
        w.http
          .put(path(c, '/owners'))
          .set('If-Match', `"${c.version}"`)
          .send({ lead: around.lead, supporting: [around.supporting, 'UNDP'] }),
    },
    {
      name: 'set_due_date',
      send: (w, c) => w.http.put(path(c, '/due-date')).set('If-Match', `"${c.version}"`).send({ dueDate: '2016-03-31' }),
    },
    {
      name: 'report_progress',
      // a coordinator names the agency; a focal point reports for its own
      send: (w, c) =>
        w.http
          .post(path(c, '/progress-reports'))
          .send({ period: 2014, summary: 'Done a thing.', ...(w === around.as.coordinator ? { agency: around.lead } : {}) }),
    },
    {
      name: 'request_extension',
      send: (w, c) => w.http.post(path(c, '/extension-requests')).send({ dueDate: '2099-12-31', reason: 'More time' }),
    },
    {
      name: 'decide_extension',
      send: (w, c) => w.http.post(path(c, `/extension-requests/${c.requestId ?? randomUUID()}/decision`)).send({ decision: 'approve' }),
    },
    ...COMMITMENT_STATUSES.map((to): Attempt => ({
      name: `to ${to}`,
      send: (w, c) =>
        w.http.post(path(c, '/transitions')).set('If-Match', `"${c.version}"`).send({ to, reason: 'Because', category: 'other' }),
    })),
  ];

  const cases = Object.keys(SCENARIOS).flatMap((scenario) => WHO.map((who) => [scenario, who] as const));

  /** What the cases below took and were refused, so the last test can show neither half was checked on nothing. */
  const tally = { accepted: 0, refused: 0 };

  it.each(cases)('%s, as %s', async (scenario, who) => {
    const principal = around.as[who];
    const shown = await aCommitmentIn(SCENARIOS[scenario]);
    const res = await principal.http.get(path(shown)).expect(200);
    const allowed: Array<{ action: string; to?: string }> = res.body.allowedActions;
    expect(allowed.map((a) => a.action)).toEqual(EXPECTED[scenario][who]);
    const offered = new Set(allowed.map((a) => (a.to ? `to ${a.to}` : a.action)));

    const before = await countEvents(api.db, shown.id);
    let accepted = 0;
    for (const attempt of ATTEMPTS) {
      if (offered.has(attempt.name)) {
        // taken on a fresh commitment in the same state, so one success does not change the next attempt's state
        const fresh = await aCommitmentIn(SCENARIOS[scenario]);
        const answer = await attempt.send(principal, fresh);
        expectStatus(attempt.name, answer, [200, 201]);
        accepted += 1;
      } else {
        const answer = await attempt.send(principal, shown);
        // deciding when nothing is waiting names a request that does not exist: 404
        const refusals = attempt.name === 'decide_extension' && !shown.requestId ? [403, 404] : [403, 409];
        expectStatus(attempt.name, answer, refusals);
      }
    }
    expect(accepted).toBe(offered.size);
    expect(await countEvents(api.db, shown.id)).toBe(before);
    tally.accepted += accepted;
    tally.refused += ATTEMPTS.length - accepted;
  });

  it('checked five principals in five states, each against every way to change a commitment', () => {
    expect(cases).toHaveLength(25);
    expect(ATTEMPTS).toHaveLength(12);
    expect(tally).toEqual({ accepted: 50, refused: 25 * 12 - 50 });
  });

  it('lists them on every commitment of a page too, and none on a past state', async () => {
    const c = await aCommitmentIn(SCENARIOS['proposed, with a due date']);
    const page = await around.as.lead.http.get(`/api/v1/commitments?agency=${around.lead}&limit=200`).expect(200);
    const item = page.body.items.find((i: { id: string }) => i.id === c.id);
    expect(item.allowedActions.map((a: { action: string }) => a.action)).toEqual(EXPECTED['proposed, with a due date'].lead);
    const past = await around.as.lead.http.get(`${path(c)}?asOf=${new Date().toISOString()}`).expect(200);
    expect(past.body.version).toBe(1);
    expect(past.body.allowedActions).toEqual([]);
  });
});
