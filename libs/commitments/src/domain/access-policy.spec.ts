import { NotAllowed, type Actor } from '@hld/kernel';
import { allowedActions, assertMay, COMMITMENT_POLICY } from './access-policy.js';
import { COMMITMENT_ACTIONS, type CommitmentAction, type CommitmentState } from './commitment.js';
import type { CommitmentStatus } from './lifecycle.js';

/** A commitment ILO leads and IOM supports. */
const COMMITMENT = { code: 'ILO-a', leadAgency: 'ILO', supportingAgencies: ['IOM'] };

type Who = 'admin' | 'coordinator' | 'system' | 'lead' | 'supporting' | 'other' | 'agencyless' | 'viewer' | 'unknown';
const ACTORS: Record<Who, Actor> = {
  admin: { id: 'a', role: 'admin', agency: null },
  coordinator: { id: 'c', role: 'coordinator', agency: null },
  system: { id: 'system:catalogue', role: 'system', agency: null },
  lead: { id: 'l', role: 'focal_point', agency: 'ILO' },
  supporting: { id: 's', role: 'focal_point', agency: 'IOM' },
  other: { id: 'o', role: 'focal_point', agency: 'UNDP' },
  agencyless: { id: 'f', role: 'focal_point', agency: null },
  viewer: { id: 'v', role: 'viewer', agency: null },
  unknown: { id: 'x', role: 'anonymous', agency: null },
};
const WHO = Object.keys(ACTORS) as Who[];

const ALL = [...COMMITMENT_ACTIONS];
const LEAD = ['accept', 'start', 'submit_for_review', 'request_extension', 'report_progress'];

/** Written out, not derived from the table: what each actor may do to the commitment above. */
const ON_THE_COMMITMENT: Record<Who, readonly string[]> = {
  admin: ALL,
  coordinator: ALL,
  system: ALL,
  lead: LEAD,
  supporting: ['report_progress'],
  other: [],
  agencyless: [],
  viewer: [],
  unknown: [],
};

/** Before the commitment is known (the edge's check): could the role ever do it? */
const EVER: Record<Who, readonly string[]> = { ...ON_THE_COMMITMENT, supporting: LEAD, other: LEAD, agencyless: LEAD };

describe('The commitments grant table', () => {
  const cases = WHO.flatMap((who) => COMMITMENT_ACTIONS.map((action) => [who, action] as const));

  it('covers every actor and every action', () => {
    expect(cases).toHaveLength(9 * 14);
    expect(cases.filter(([who, action]) => ON_THE_COMMITMENT[who].includes(action))).toHaveLength(3 * 14 + 5 + 1);
  });

  it.each(cases)('%s, %s, on a commitment ILO leads and IOM supports', (who, action) => {
    const expected = ON_THE_COMMITMENT[who].includes(action);
    expect(COMMITMENT_POLICY.may(ACTORS[who], action, COMMITMENT).allowed).toBe(expected);
    if (expected) expect(() => assertMay(ACTORS[who], action, COMMITMENT)).not.toThrow();
    else expect(() => assertMay(ACTORS[who], action, COMMITMENT)).toThrow(NotAllowed);
  });

  it.each(cases)('%s, %s, before the commitment is known', (who, action) => {
    expect(COMMITMENT_POLICY.may(ACTORS[who], action).allowed).toBe(EVER[who].includes(action));
  });

  it.each<[Who, CommitmentAction, string]>([
    ['supporting', 'accept', 'a focal point acts only on commitments its agency leads'],
    ['other', 'report_progress', 'a focal point reports only on commitments its agency leads or supports'],
    ['lead', 'discontinue', 'reserved to admins and coordinators'],
    ['viewer', 'register', 'reserved to admins and coordinators'],
    ['viewer', 'accept', 'reserved to admins, coordinators and focal points'],
    ['unknown', 'accept', 'unknown role'],
  ])('%s may not %s: the refusal names the rule', (who, action, rule) => {
    expect(() => assertMay(ACTORS[who], action, COMMITMENT)).toThrow(
      expect.objectContaining({ code: 'NOT_ALLOWED', kind: 'forbidden', details: { action, rule } }),
    );
  });
});

describe('What may this principal do to this commitment now', () => {
  const state = (status: CommitmentStatus, extra: Partial<CommitmentState> = {}) => ({
    ...COMMITMENT,
    status,
    dueDate: '2015-01-15',
    pendingExtension: null,
    ...extra,
  });
  const pending = { requestId: 'r-1', dueDate: '2015-06-30', reason: 'Late data', requestedAt: '2014-12-01T00:00:00.000Z' };
  const names = (who: Who, s: ReturnType<typeof state>) => allowedActions(ACTORS[who], s).map((a) => a.action);

  it.each<[Who, ReturnType<typeof state>, string[]]>([
    ['lead', state('proposed'), ['accept', 'start', 'report_progress', 'request_extension']],
    ['lead', state('proposed', { dueDate: null }), ['accept', 'start', 'report_progress']],
    ['lead', state('in_progress', { pendingExtension: pending }), ['submit_for_review', 'report_progress']],
    ['lead', state('under_review'), ['report_progress', 'request_extension']],
    ['lead', state('completed'), ['report_progress']],
    ['supporting', state('proposed'), ['report_progress']],
    ['supporting', state('discontinued'), ['report_progress']],
    ['other', state('in_progress'), []],
    ['viewer', state('under_review', { pendingExtension: pending }), []],
    [
      'coordinator',
      state('under_review', { pendingExtension: pending }),
      [
        'validate_completion',
        'return_for_work',
        'discontinue',
        'revise',
        'assign_owners',
        'set_due_date',
        'report_progress',
        'decide_extension',
      ],
    ],
    ['coordinator', state('completed'), ['reopen', 'revise', 'assign_owners', 'set_due_date', 'report_progress']],
  ])('%s, %j', (who, s, expected) => {
    expect(names(who, s)).toEqual(expected);
  });

  it('offers a focal point no move the policy refuses it (it never offered "discontinued")', () => {
    for (const status of ['proposed', 'accepted', 'in_progress'] as const) {
      const moves = allowedActions(ACTORS.lead, state(status)).filter((a) => a.to);
      expect(moves.length).toBeGreaterThan(0);
      expect(moves.map((a) => a.to)).not.toContain('discontinued');
    }
    expect(allowedActions(ACTORS.lead, state('under_review')).filter((a) => a.to)).toEqual([]);
  });

  it('says where a move leads and whether it needs a reason', () => {
    expect(allowedActions(ACTORS.coordinator, state('under_review')).slice(0, 3)).toEqual([
      { action: 'validate_completion', to: 'completed', reasonRequired: false },
      { action: 'return_for_work', to: 'in_progress', reasonRequired: true },
      { action: 'discontinue', to: 'discontinued', reasonRequired: true },
    ]);
  });
});
