import { CommandHandler, type ICommandHandler, Command } from '@nestjs/cqrs';
import { Clock, type ChangeContext } from '@hld/kernel';
import { rescheduleCycle, type CycleSchedule, type ReportingCycleState } from '../domain/reporting-cycle.js';
import { assertTimeZone, toInstant } from '../domain/cycle-dates.js';
import { ReportingCycleStore } from './reporting-cycle-store.js';
import { REPORTING_CYCLE_POLICY } from '../domain/reporting-cycle-policy.js';
import type { CycleInput } from './open-reporting-cycle.js';

/** Changes a cycle's dates; every pending reminder of the cycle follows (the scheduler reacts to the event). */
export class ChangeReportingCycle extends Command<ReportingCycleState> {
  constructor(
    readonly year: number,
    readonly expectedVersion: number | undefined,
    readonly input: Partial<CycleInput>,
    readonly context: ChangeContext,
  ) {
    super();
  }
}

@CommandHandler(ChangeReportingCycle)
export class ChangeReportingCycleHandler implements ICommandHandler<ChangeReportingCycle> {
  constructor(
    private readonly cycles: ReportingCycleStore,
    private readonly clock: Clock,
  ) {}

  async execute({ year, expectedVersion, input, context }: ChangeReportingCycle): Promise<ReportingCycleState> {
    REPORTING_CYCLE_POLICY.assertMay(context.actor, 'change_cycle');
    const current = await this.cycles.get(year);
    const timeZone = input.timeZone ?? current.timeZone;
    assertTimeZone(timeZone);
    const changes: Partial<CycleSchedule> = {
      ...(input.timeZone ? { timeZone } : {}),
      ...(input.opensAt ? { opensAt: toInstant('opensAt', input.opensAt, timeZone) } : {}),
      ...(input.deadline ? { deadline: toInstant('deadline', input.deadline, timeZone, true) } : {}),
      ...(input.meetingDate !== undefined
        ? { meetingDate: input.meetingDate ? toInstant('meetingDate', input.meetingDate, timeZone) : null }
        : {}),
      ...(input.summaryDate !== undefined
        ? { summaryDate: input.summaryDate ? toInstant('summaryDate', input.summaryDate, timeZone) : null }
        : {}),
      ...(input.reminderOffsetsDays ? { reminderOffsetsDays: [...input.reminderOffsetsDays].sort((a, b) => b - a) } : {}),
    };
    const event = rescheduleCycle(current, changes, this.clock.now());
    if (!event) return current;
    return this.cycles.append(year, expectedVersion ?? current.version, event, context);
  }
}
