import { Commitment, evolve, type AvailableAction, type CommitmentState } from './commitment.js';
import { DomainError } from '@hld/kernel';
import { COMMITMENT_STATUSES, TRANSITIONS, allowedNextStatuses, type CommitmentStatus } from './lifecycle.js';
import {
  IllegalTransition,
  InvalidDiscontinuation,
  InvalidOwners,
  InvalidReportingPeriod,
  ReasonRequired,
  ReportingAgencyNotAnOwner,
} from './commitment-errors.js';

const NOW = new Date('2014-03-01T12:00:00Z');

function aRegisteredCommitment(): Commitment {
  const c = Commitment.register(
    '00000000-0000-4000-8000-000000000001',
    {
      code: 'ILO-a',
      title: 'Fair recruitment',
      text: 'Reduce recruitment costs.',
      source: 'book',
      kind: 'recommendation',
      leadAgency: 'ILO',
      supportingAgencies: ['IOM'],
      agendaItems: [2],
      sdgTargets: ['10.7'],
      dueDate: '2015-01-15',
    },
    NOW,
  );
  return Commitment.fromHistory(c.pullPendingEvents());
}

/** Walks a commitment to `status` through allowed transitions, as a user would. */
const PATH: Record<CommitmentStatus, CommitmentStatus[]> = {
  proposed: [],
  accepted: ['accepted'],
  in_progress: ['in_progress'],
  under_review: ['in_progress', 'under_review'],
  completed: ['in_progress', 'under_review', 'completed'],
  discontinued: ['discontinued'],
};

function aCommitmentIn(status: CommitmentStatus): Commitment {
  const c = aRegisteredCommitment();
  for (const to of PATH[status]) c.changeStatus(to, { reason: 'because', category: 'other' }, NOW);
  c.pullPendingEvents();
  return c;
}

describe('Commitment lifecycle', () => {
  it('starts as proposed at version 1', () => {
    const c = aRegisteredCommitment();
    expect(c.snapshot.status).toBe('proposed');
    expect(c.version).toBe(1);
  });

  const pairs = COMMITMENT_STATUSES.flatMap((from) => COMMITMENT_STATUSES.map((to) => [from, to] as const));

  it.each(pairs)('%s → %s is allowed exactly when the table says so', (from, to) => {
    const c = aCommitmentIn(from);
    const transition = TRANSITIONS.find((t) => t.from === from && t.to === to);
    const act = () => c.changeStatus(to, { reason: 'a reason', category: 'not_feasible' }, NOW);
    if (transition) {
      expect(act()).toEqual(transition);
      expect(c.snapshot.status).toBe(to);
      const [event] = c.pullPendingEvents();
      expect(event.type).toBe('CommitmentStatusChanged');
      expect(event.payload).toMatchObject({ from, to, reason: 'a reason' });
    } else {
      let error: unknown;
      try {
        act();
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(IllegalTransition);
      expect((error as IllegalTransition).details.allowedTransitions).toEqual(allowedNextStatuses(from));
      expect(c.snapshot.status).toBe(from);
      expect(c.pullPendingEvents()).toHaveLength(0);
    }
  });

  it('allows exactly the documented transitions', () => {
    expect(Object.fromEntries(COMMITMENT_STATUSES.map((s) => [s, allowedNextStatuses(s)]))).toEqual({
      proposed: ['accepted', 'in_progress', 'discontinued'],
      accepted: ['in_progress', 'discontinued'],
      in_progress: ['under_review', 'discontinued'],
      under_review: ['completed', 'in_progress', 'discontinued'],
      completed: ['in_progress'],
      discontinued: ['in_progress'],
    });
  });

  it.each([
    ['under_review', 'in_progress'],
    ['completed', 'in_progress'],
    ['discontinued', 'in_progress'],
    ['accepted', 'discontinued'],
  ] as const)('%s → %s needs a reason', (from, to) => {
    const c = aCommitmentIn(from);
    expect(() => c.changeStatus(to, { reason: '   ', category: 'other' }, NOW)).toThrow(ReasonRequired);
    expect(c.snapshot.status).toBe(from);
  });

  it('needs a discontinuation category from the closed list', () => {
    const c = aCommitmentIn('in_progress');
    expect(() => c.changeStatus('discontinued', { reason: 'no longer relevant' }, NOW)).toThrow(InvalidDiscontinuation);
    expect(() => c.changeStatus('discontinued', { reason: 'x', category: 'bored' as never }, NOW)).toThrow(InvalidDiscontinuation);
  });

  it('needs to know what superseded a superseded commitment, and records it', () => {
    const c = aCommitmentIn('accepted');
    expect(() => c.changeStatus('discontinued', { reason: 'SDGs', category: 'superseded' }, NOW)).toThrow(InvalidDiscontinuation);
    c.changeStatus('discontinued', { reason: 'SDGs adopted', category: 'superseded', supersededBy: 'SDG target 10.7' }, NOW);
    expect(c.pullPendingEvents()[0].payload).toEqual({
      from: 'accepted',
      to: 'discontinued',
      reason: 'SDGs adopted',
      category: 'superseded',
      supersededBy: 'SDG target 10.7',
    });
  });
});

describe('Commitment details, owners, due date, progress', () => {
  it('records nothing when a revision changes nothing', () => {
    const c = aRegisteredCommitment();
    c.reviseDetails({ title: 'Fair recruitment', agendaItems: [2] }, NOW);
    expect(c.pullPendingEvents()).toHaveLength(0);
    c.reviseDetails({ title: 'Fair recruitment everywhere', agendaItems: [6, 2, 2] }, NOW);
    expect(c.pullPendingEvents()[0].payload).toEqual({ changes: { title: 'Fair recruitment everywhere', agendaItems: [2, 6] } });
    expect(c.version).toBe(2);
  });

  it('refuses a lead agency that is also supporting', () => {
    const c = aRegisteredCommitment();
    expect(() => c.assignOwners('ILO', ['ILO', 'IOM'], NOW)).toThrow(InvalidOwners);
    c.assignOwners('IOM', ['ILO', 'UNDP', 'ILO'], NOW);
    expect(c.snapshot).toMatchObject({ leadAgency: 'IOM', supportingAgencies: ['ILO', 'UNDP'] });
  });

  it('sets and clears the due date, once per actual change', () => {
    const c = aRegisteredCommitment();
    c.setDueDate('2015-01-15', NOW);
    expect(c.pullPendingEvents()).toHaveLength(0);
    c.setDueDate(null, NOW);
    expect(c.pullPendingEvents()[0].payload).toEqual({ dueDate: null, previousDueDate: '2015-01-15' });
  });

  it('accepts progress only from an owning agency, for a real reporting year', () => {
    const c = aRegisteredCommitment();
    const report = { reportId: 'r1', period: 2014, summary: 'Held a tripartite meeting.' };
    expect(() => c.reportProgress({ ...report, agency: 'UNHCR' }, NOW)).toThrow(ReportingAgencyNotAnOwner);
    expect(() => c.reportProgress({ ...report, agency: 'ILO', period: 2012 }, NOW)).toThrow(InvalidReportingPeriod);
    expect(() => c.reportProgress({ ...report, agency: 'ILO', period: 2016 }, NOW)).toThrow(InvalidReportingPeriod);
    c.reportProgress({ ...report, agency: 'IOM' }, NOW);
    expect(c.snapshot.lastReportPeriod).toBe(2014);
  });

  it('keeps the periods each agency reported on, each once and ascending, whatever the order they came in', () => {
    const c = aRegisteredCommitment();
    expect(c.snapshot.reportedPeriods).toEqual({});
    c.reportProgress({ reportId: 'r1', agency: 'ILO', period: 2014, summary: 'Report.' }, NOW);
    c.reportProgress({ reportId: 'r2', agency: 'ILO', period: 2013, summary: 'Late report.' }, NOW);
    c.reportProgress({ reportId: 'r3', agency: 'ILO', period: 2014, summary: 'No change.', kind: 'no_change' }, NOW);
    c.reportProgress({ reportId: 'r4', agency: 'IOM', period: 2015, summary: 'Report.' }, NOW);
    expect(c.snapshot.reportedPeriods).toEqual({ ILO: [2013, 2014], IOM: [2015] });
  });

  it('rebuilds the same state from its events', () => {
    const c = aRegisteredCommitment();
    const history = [];
    c.changeStatus('accepted', {}, NOW);
    c.assignOwners('IOM', ['ILO'], NOW);
    c.reportProgress({ reportId: 'r', agency: 'IOM', period: 2013, summary: 's' }, NOW);
    history.push(...c.pullPendingEvents());
    const registered = aRegisteredCommitment();
    const replayed = history.reduce<CommitmentState>(evolve, registered.snapshot as CommitmentState);
    expect(replayed).toEqual(c.snapshot);
  });
});

describe('What a commitment would accept now (availableActions) is what the aggregate then accepts', () => {
  /** A commitment in `status`, with or without a due date, with or without an extension request waiting. */
  function aCommitmentWith(status: CommitmentStatus, dueDate: boolean, pending: boolean): Commitment {
    const c = aRegisteredCommitment();
    if (!dueDate) c.setDueDate(null, NOW);
    if (pending) c.requestExtension('00000000-0000-4000-8000-0000000000e1', '2015-06-30', 'Late data', NOW);
    for (const to of PATH[status]) c.changeStatus(to, { reason: 'because', category: 'other' }, NOW);
    c.pullPendingEvents();
    return Commitment.fromSnapshot(c.snapshot);
  }

  /** Each thing that can be done to an existing commitment, done to `c`; a move is named by where it leads. */
  const attempts: Record<string, (c: Commitment) => unknown> = {
    revise: (c) => c.reviseDetails({ title: 'Another title' }, NOW),
    assign_owners: (c) => c.assignOwners('ILO', ['IOM', 'UNDP'], NOW),
    set_due_date: (c) => c.setDueDate('2016-01-15', NOW),
    report_progress: (c) => c.reportProgress({ reportId: 'r', period: 2014, agency: 'ILO', summary: 'Done.' }, NOW),
    request_extension: (c) => c.requestExtension('00000000-0000-4000-8000-0000000000e2', '2099-01-01', 'More time', NOW),
    decide_extension: (c) =>
      c.decideExtension(c.snapshot.pendingExtension?.requestId ?? '00000000-0000-4000-8000-0000000000e3', true, null, NOW),
    ...Object.fromEntries(
      COMMITMENT_STATUSES.map((to) => [`to ${to}`, (c: Commitment) => c.changeStatus(to, { reason: 'because', category: 'other' }, NOW)]),
    ),
  };
  const key = (a: AvailableAction) => (a.to ? `to ${a.to}` : a.action);

  const states = COMMITMENT_STATUSES.flatMap((status) =>
    [
      [false, false],
      [true, false],
      [true, true],
    ].map(([dueDate, pending]) => [status, dueDate, pending] as const),
  );

  it.each(states)('%s, due date %s, extension pending %s', (status, dueDate, pending) => {
    const available = aCommitmentWith(status, dueDate, pending).availableActions();
    const accepted: string[] = [];
    for (const [name, attempt] of Object.entries(attempts)) {
      const c = aCommitmentWith(status, dueDate, pending);
      try {
        attempt(c);
        accepted.push(name);
      } catch (error) {
        // refused for what the state is (409/404), never for a malformed attempt
        expect(error).toBeInstanceOf(DomainError);
        expect(['conflict', 'not_found']).toContain((error as DomainError).kind);
      }
    }
    expect(available.map(key).sort()).toEqual(accepted.sort());
    // a move is listed under the action the lifecycle gives it
    for (const a of available.filter((x) => x.to))
      expect(TRANSITIONS).toContainEqual(expect.objectContaining({ from: status, to: a.to, action: a.action }));
  });

  it('covers every status, and a listed and a refused extension step', () => {
    expect(states).toHaveLength(18);
    const open = aCommitmentWith('in_progress', true, false)
      .availableActions()
      .map((a) => a.action);
    expect(open).toContain('request_extension');
    expect(open).not.toContain('decide_extension');
    const waiting = aCommitmentWith('in_progress', true, true)
      .availableActions()
      .map((a) => a.action);
    expect(waiting).toContain('decide_extension');
    expect(waiting).not.toContain('request_extension');
  });
});
