import { Global, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ReportingObligations } from '@hld/commitments';
import { ReportingCycleStore } from './application/reporting-cycle-store.js';
import { OpenReportingCycleHandler } from './application/open-reporting-cycle.js';
import { ChangeReportingCycleHandler } from './application/change-reporting-cycle.js';
import { CycleReportingObligations } from './application/cycle-reporting-obligations.js';
import { ReportingCyclesController } from './http/reporting-cycles.controller.js';
import { GetMyAgendaHandler } from './application/get-my-agenda.js';
import { MyAgendaController } from './http/my-agenda.controller.js';

/**
 * Annual reporting cycles: when calls for inputs go out, when reports are due. Global so that the commitments
 * context finds its ReportingObligations port implemented here without importing this module.
 */
@Global()
@Module({
  imports: [CqrsModule],
  controllers: [ReportingCyclesController, MyAgendaController],
  providers: [
    ReportingCycleStore,
    OpenReportingCycleHandler,
    ChangeReportingCycleHandler,
    GetMyAgendaHandler,
    { provide: ReportingObligations, useClass: CycleReportingObligations },
  ],
  exports: [ReportingCycleStore, ReportingObligations],
})
export class ReportingCyclesModule {}
