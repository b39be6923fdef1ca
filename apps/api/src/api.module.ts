import { Module } from '@nestjs/common';
import { ConfigModule } from '@hld/config';
import { PersistenceModule } from '@hld/persistence';
import { HttpEdgeModule } from '@hld/http';
import { AgenciesModule } from '@hld/agencies';
import { CommitmentsModule } from '@hld/commitments';
import { IdentityModule } from '@hld/identity';
import { ReportingCyclesModule } from '@hld/reporting-cycles';
import { RemindersModule } from '@hld/reminders';
import { JobsModule } from '@hld/jobs';
import { AnnualSummariesModule } from '@hld/annual-summaries';
import { HealthController } from './health.controller.js';

/** The HTTP API: wiring only. Behaviour lives in the libs. */
@Module({
  imports: [
    ConfigModule,
    PersistenceModule,
    JobsModule,
    HttpEdgeModule,
    IdentityModule,
    AgenciesModule,
    CommitmentsModule,
    ReportingCyclesModule,
    RemindersModule,
    AnnualSummariesModule,
  ],
  controllers: [HealthController],
})
export class ApiModule {}
