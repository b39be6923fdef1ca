import { Injectable, Logger } from '@nestjs/common';
import { EventSubscriptions, type EventSubscription, type SubscribedEvent } from '@hld/persistence';
import { CommitmentDueDateSet, CommitmentExtensionApproved, CommitmentRegistered, CommitmentStatusChanged } from '@hld/commitments';
import { CYCLE_EVENT_TYPES, ReportingCycleStore } from '@hld/reporting-cycles';
import { ReminderScheduler } from './reminder-scheduler.js';

/** Commitment events that change which due-date reminders it should have. */
const DUE_DATE_EVENTS: readonly string[] = [
  CommitmentRegistered.type,
  CommitmentDueDateSet.type,
  CommitmentExtensionApproved.type,
  CommitmentStatusChanged.type,
];

/**
 * The reminders' subscription to the event log: reschedules what each event touches. The log is the outbox: a
 * command commits its events and nothing else, and this subscription (at least once; rescheduling is
 * idempotent) carries the intent to Redis — after a crash, or once Redis is back.
 */
@Injectable()
export class EventRelay {
  private readonly logger = new Logger(EventRelay.name);
  private readonly subscription: EventSubscription;

  constructor(
    subscriptions: EventSubscriptions,
    private readonly scheduler: ReminderScheduler,
    private readonly cycles: ReportingCycleStore,
  ) {
    this.subscription = subscriptions.subscribe({
      // the checkpoint's key since the first release: renaming it would replay the whole log
      name: 'reminder-scheduler',
      eventTypes: [...DUE_DATE_EVENTS, ...CYCLE_EVENT_TYPES],
      handle: (events) => this.reschedule(events),
    });
  }

  /** Handles the next batch; returns how many events it read. */
  poll(batchSize?: number): Promise<number> {
    return this.subscription.poll(batchSize);
  }

  /** Handles every event committed so far; returns how many it read. */
  catchUp(): Promise<number> {
    return this.subscription.catchUp();
  }

  private async reschedule(events: readonly SubscribedEvent[]): Promise<void> {
    const commitments = new Set<string>();
    let cyclesChanged = false;
    for (const e of events) {
      if (DUE_DATE_EVENTS.includes(e.type)) commitments.add(e.streamId);
      else cyclesChanged = true;
    }
    // there is one cycle a year: rescheduling them all is cheaper than working out which one changed
    if (cyclesChanged) for (const cycle of await this.cycles.list()) await this.scheduler.reconcileCycle(cycle);
    await this.scheduler.reconcileCommitments([...commitments]);
    this.logger.debug(`rescheduled after ${events.length} event(s)`);
  }
}
