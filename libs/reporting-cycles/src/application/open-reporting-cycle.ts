import { CommandHandler, type ICommandHandler, Command } from '@nestjs/cqrs';
import { Clock, type ChangeContext } from '@hld/kernel';
import { CycleExists, openCycle, type ReportingCycleState } from '../domain/reporting-cycle.js';
import { assertTimeZone, DEFAULT_TIME_ZONE, toInstant } from '../domain/cycle-dates.js';
import { ReportingCycleStore } from './reporting-cycle-store.js';
import { REPORTING_CYCLE_POLICY } from '../domain/reporting-cycle-policy.js';

export interface CycleInput {
  opensAt: string;
  deadline?: string;
  meetingDate?: string;
  summaryDate?: string;
  timeZone?: string;
  reminderOffsetsDays?: number[];
}

export const DEFAULT_REMINDER_OFFSETS_DAYS = [14, 3];

/** Opens the annual reporting cycle for a year: the call for inputs goes out at `opensAt`. */
export class OpenReportingCycle extends Command<ReportingCycleState> {
  constructor(
    readonly year: number,
    readonly input: CycleInput,
    readonly context: ChangeContext,
  ) {
    super();
  }
}

@CommandHandler(OpenReportingCycle)
export class OpenReportingCycleHandler implements ICommandHandler<OpenReportingCycle> {
  constructor(
    private readonly cycles: ReportingCycleStore,
    private readonly clock: Clock,
  ) {}

  async execute({ year, input, context }: OpenReportingCycle): Promise<ReportingCycleState> {
    REPORTING_CYCLE_POLICY.assertMay(context.actor, 'open_cycle');
    const timeZone = input.timeZone ?? DEFAULT_TIME_ZONE;
    assertTimeZone(timeZone);
    if (await this.cycles.load(year)) throw new CycleExists(year);
    const event = openCycle(
      year,
      {
        opensAt: toInstant('opensAt', input.opensAt, timeZone),
        // by default, progress reports are due on 15 January of the following year
        deadline: toInstant('deadline', input.deadline ?? `${year + 1}-01-15`, timeZone, true),
        meetingDate: input.meetingDate ? toInstant('meetingDate', input.meetingDate, timeZone) : null,
        summaryDate: input.summaryDate ? toInstant('summaryDate', input.summaryDate, timeZone) : null,
        timeZone,
        reminderOffsetsDays: [...(input.reminderOffsetsDays ?? DEFAULT_REMINDER_OFFSETS_DAYS)].sort((a, b) => b - a),
      },
      this.clock.now(),
    );
    return this.cycles.append(year, 0, event, context);
  }
}
