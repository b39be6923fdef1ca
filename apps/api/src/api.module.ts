import { type DynamicModule, Module } from '@nestjs/common';
import { ConfigModule, type Environment } from '@hld/config';
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
export class ApiModule {
  /** With the settings the process loaded at start-up. */
  static forRoot(env: Environment): DynamicModule {
    return { module: ApiModule, imports: [ConfigModule.forRoot(env)] };
  }
}
