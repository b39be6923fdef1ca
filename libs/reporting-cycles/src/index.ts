export { ReportingCyclesModule } from './reporting-cycles.module.js';
export { ReportingCycleStore, CYCLE_STREAM, cycleStreamId } from './application/reporting-cycle-store.js';
export { OpenReportingCycle, DEFAULT_REMINDER_OFFSETS_DAYS } from './application/open-reporting-cycle.js';
export type { CycleInput } from './application/open-reporting-cycle.js';
export { ChangeReportingCycle } from './application/change-reporting-cycle.js';
export { CYCLE_EVENT_TYPES } from './domain/reporting-cycle.js';
export type { ReportingCycleState } from './domain/reporting-cycle.js';
export { daysBefore, daysAfter, DEFAULT_TIME_ZONE } from './domain/cycle-dates.js';
