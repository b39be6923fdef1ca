import { DomainError } from '@hld/kernel';
import { changeOfPeriods, Commitment, HistoryRequired, type CommitmentState, type FactTimes } from './commitment.js';
import type { CommitmentEvent } from './commitment-events.js';
import { EffectiveBeforeRegistration, EffectiveInFuture, IllegalTransition, OutOfOrderFact, ReasonRequired } from './commitment-errors.js';

const t = (text: string) => new Date(`${text}T00:00:00Z`);
/** A fact its author dates `effective`, recorded at `recorded`. */
const at = (effective: string, recorded: string): FactTimes => ({ effectiveAt: t(effective), recordedAt: t(recorded) });
/** A fact recorded at `recorded`, effective then (no date given). */
const now = (recorded: string): FactTimes => ({ recordedAt: t(recorded) });

/**
 * Runs `steps` the way the repository does: each on the commitment loaded from the events recorded so far, its new
 * events appended after them. Returns every event, in recorded order.
 */
function history(...steps: Array<(c: Commitment) => void>): CommitmentEvent[] {
  const registered = Commitment.register(
    '00000000-0000-4000-8000-0000000000aa',
    {
      code: 'ILO-a',
      title: 'Fair recruitment',
      text: 'Reduce recruitment costs.',
      source: 'book',
      kind: 'recommendation',
      leadAgency: 'ILO',
      supportingAgencies: ['IOM'],
      agendaItems: [2],
      sdgTargets: [],
      dueDate: null,
    },
    at('2013-10-03', '2013-10-10'),
  );
  const events = registered.pullPendingEvents();
  for (const step of steps) {
    const c = Commitment.fromHistory(events);
    step(c);
    events.push(...c.pullPendingEvents());
  }
  return events;
}

const stateOf = (events: CommitmentEvent[]): CommitmentState => Commitment.fromHistory(events).snapshot;

describe('A commitment in two times (effective and recorded)', () => {
  it('folds its facts in the order they took effect, whatever the order they were recorded in', () => {
    const events = history(
      (c) => c.changeStatus('accepted', {}, now('2014-01-10')),
      (c) => c.reportProgress({ reportId: 'r1', period: 2014, agency: 'ILO', summary: 'Workshops held.' }, at('2014-02-20', '2014-03-05')),
      // recorded in March, effective in January: the report (effective February) comes after it
      (c) => c.changeStatus('in_progress', { reason: 'learned of by email' }, at('2014-01-20', '2014-03-10')),
    );
    const state = stateOf(events);
    expect(state).toMatchObject({ status: 'in_progress', version: 4, lastReportPeriod: 2014, lastReportedAt: t('2014-02-20') });
    expect(state.updatedAt).toEqual(t('2014-02-20')); // the latest fact in effective time
    expect(state.lastRecordedAt).toEqual(t('2014-03-10'));
    expect(state.registeredAt).toEqual(t('2013-10-03'));
  });

  it('accepts a completion learned of in March, effective in January, after a report effective in February', () => {
    const events = history(
      (c) => c.changeStatus('in_progress', {}, now('2013-11-01')),
      (c) => c.changeStatus('under_review', {}, now('2013-12-15')),
      (c) => c.reportProgress({ reportId: 'r1', period: 2013, agency: 'IOM', summary: 'Done.' }, at('2014-02-20', '2014-02-25')),
    );
    const c = Commitment.fromHistory(events);
    c.changeStatus('completed', { reason: 'the coordinator learned of it by email' }, at('2014-01-15', '2014-03-03'));
    expect(c.snapshot).toMatchObject({ status: 'completed', version: 5, lastReportPeriod: 2013 });
    const [event] = c.pullPendingEvents();
    expect(event).toMatchObject({ type: 'CommitmentStatusChanged', effectiveAt: t('2014-01-15'), recordedAt: t('2014-03-03') });
    expect(event.payload).toMatchObject({ from: 'under_review', to: 'completed' });
  });

  it('checks a backdated change against the state at its effective time', () => {
    const events = history(
      (c) => c.changeStatus('in_progress', {}, now('2014-02-01')),
      (c) => c.changeStatus('under_review', {}, now('2014-03-01')),
    );
    // in January it was still proposed: accepting it then is a move the lifecycle allows, and starting it in
    // February (recorded without a reason) still follows, as a start from accepted
    const c = Commitment.fromHistory(events);
    c.changeStatus('accepted', { reason: 'minutes of the January meeting' }, at('2014-01-10', '2014-04-01'));
    expect(c.snapshot.status).toBe('under_review');
    // whereas in January it could not have been completed, whatever it is now
    const d = Commitment.fromHistory(events);
    expect(() => d.changeStatus('completed', { reason: 'email' }, at('2014-01-10', '2014-04-01'))).toThrow(IllegalTransition);
  });

  it('refuses a fact that would break the lifecycle in effective order, and names the fact it would break', () => {
    const events = history(
      (c) => c.changeStatus('accepted', {}, now('2014-01-10')),
      (c) => c.changeStatus('in_progress', {}, now('2014-03-01')),
    );
    const c = Commitment.fromHistory(events);
    // discontinued in February: the start recorded in March would then be a reopening, which needs a reason it lacks
    const error = catchError(() =>
      c.changeStatus('discontinued', { reason: 'superseded by the SDGs', category: 'other' }, at('2014-02-01', '2014-04-01')),
    );
    expect(error).toBeInstanceOf(OutOfOrderFact);
    expect(error).toMatchObject({
      code: 'OUT_OF_ORDER_TRANSITION',
      kind: 'unprocessable',
      details: { conflictsWith: { version: 3, type: 'CommitmentStatusChanged', effectiveAt: '2014-03-01T00:00:00.000Z' } },
    });
    expect(error.message).toMatch(/moving from discontinued to in_progress needs a reason/);
    expect(error.fields).toEqual([{ field: 'effectiveAt', message: expect.stringMatching(/version 3/) }]);
    expect(c.pullPendingEvents()).toEqual([]);
  });

  it('refuses an earlier due date that would leave a later decision without its request', () => {
    const events = history(
      (c) => c.setDueDate('2015-01-15', now('2014-01-01')),
      (c) => c.requestExtension('x1', '2015-06-30', 'Data arrive late', now('2014-05-01')),
      (c) => c.decideExtension('x1', true, null, now('2014-06-01')),
    );
    const c = Commitment.fromHistory(events);
    // re-planned in May, between the request and its decision: setting a due date clears a pending request
    const error = catchError(() => c.setDueDate('2015-03-31', at('2014-05-15', '2014-07-01')));
    expect(error).toBeInstanceOf(OutOfOrderFact);
    expect(error.message).toMatch(/extension request x1 would then not be waiting for a decision/);
  });

  it('needs a reason for a status change dated earlier than now, even a move that needs none', () => {
    const c = Commitment.fromHistory(history());
    expect(() => c.changeStatus('accepted', {}, at('2014-01-10', '2014-02-01'))).toThrow(ReasonRequired);
    const error = catchError(() => c.changeStatus('accepted', { reason: '  ' }, at('2014-01-10', '2014-02-01')));
    expect(error.fields).toEqual([{ field: 'reason', message: 'is required when effectiveAt is earlier than now' }]);
    c.changeStatus('accepted', { reason: 'learned of by email' }, at('2014-01-10', '2014-02-01'));
    expect(c.snapshot.status).toBe('accepted');
  });

  it('refuses a fact effective in the future or before the commitment was registered', () => {
    const c = Commitment.fromHistory(history());
    const future = catchError(() => c.setDueDate('2015-01-01', at('2014-02-02', '2014-02-01')));
    expect(future).toBeInstanceOf(EffectiveInFuture);
    expect(future.fields).toEqual([{ field: 'effectiveAt', message: expect.stringMatching(/must not be later than now/) }]);
    const before = catchError(() => c.setDueDate('2015-01-01', at('2013-10-02', '2014-02-01')));
    expect(before).toBeInstanceOf(EffectiveBeforeRegistration);
    expect(before.fields).toEqual([{ field: 'effectiveAt', message: expect.stringMatching(/before the commitment was registered/) }]);
    // the registration's own instant is not before it
    c.setDueDate('2015-01-01', at('2013-10-03', '2014-02-01'));
    expect(c.snapshot.dueDate).toBe('2015-01-01');
  });

  it('takes an undated change to be effective no earlier than its latest fact, whatever the clock recording it', () => {
    const events = history((c) => c.changeStatus('accepted', {}, now('2014-03-01')));
    const c = Commitment.fromHistory(events);
    c.changeStatus('in_progress', {}, now('2014-02-28')); // a clock a day behind: decided on the latest state
    const [event] = c.pullPendingEvents();
    expect(event).toMatchObject({ effectiveAt: t('2014-03-01'), recordedAt: t('2014-02-28') });
  });

  it('decides from a kept state only facts effective at or after its latest; an earlier one needs the events', () => {
    const kept = stateOf(history((c) => c.changeStatus('accepted', {}, now('2014-03-01'))));
    const tail = Commitment.fromSnapshot(kept);
    tail.changeStatus('in_progress', { reason: 'email' }, at('2014-03-02', '2014-03-05'));
    expect(tail.snapshot.status).toBe('in_progress');
    expect(() => Commitment.fromSnapshot(kept).setDueDate('2015-01-01', at('2014-01-01', '2014-03-05'))).toThrow(HistoryRequired);
  });

  describe('periods of effective time (what the bitemporal read model writes)', () => {
    const summary = (periods: Array<{ from: Date; state: CommitmentState }>) =>
      periods.map((p) => [p.from.toISOString().slice(0, 10), p.state.status, p.state.version]);

    it('at the end: the latest period, then it and the new one', () => {
      const events = history((c) => c.changeStatus('accepted', {}, now('2014-01-10')));
      const c = Commitment.fromHistory(events);
      c.changeStatus('in_progress', {}, now('2014-02-10'));
      const { before, after } = c.changeOfPeriods();
      expect(summary(before)).toEqual([['2014-01-10', 'accepted', 2]]);
      expect(summary(after)).toEqual([
        ['2014-01-10', 'accepted', 2],
        ['2014-02-10', 'in_progress', 3],
      ]);
    });

    it('before the latest fact: every period, before and after, from the events', () => {
      const events = history(
        (c) => c.changeStatus('accepted', {}, now('2014-01-10')),
        (c) => c.changeStatus('in_progress', {}, now('2014-03-01')),
      );
      const c = Commitment.fromHistory(events);
      c.setDueDate('2014-12-31', at('2014-02-01', '2014-04-01'));
      const { before, after } = c.changeOfPeriods();
      expect(summary(before)).toEqual([
        ['2013-10-03', 'proposed', 1],
        ['2014-01-10', 'accepted', 2],
        ['2014-03-01', 'in_progress', 3],
      ]);
      expect(summary(after)).toEqual([
        ['2013-10-03', 'proposed', 1],
        ['2014-01-10', 'accepted', 2],
        ['2014-02-01', 'accepted', 3],
        ['2014-03-01', 'in_progress', 4],
      ]);
      expect(after[2].state.dueDate).toBe('2014-12-31');
    });

    it('one period per instant: facts of the same instant make one state', () => {
      const registered = history()[0];
      const { after } = changeOfPeriods(null, null, [registered]);
      expect(summary(after)).toEqual([['2013-10-03', 'proposed', 1]]);
      const events = history((c) => c.changeStatus('accepted', { reason: 'same day' }, at('2013-10-03', '2014-01-01')));
      expect(summary(changeOfPeriods(stateOf([registered]), [registered], [events[1]]).after)).toEqual([['2013-10-03', 'accepted', 2]]);
    });
  });
});

function catchError(work: () => unknown): DomainError {
  try {
    work();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}
