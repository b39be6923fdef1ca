import { Test, type TestingModule } from '@nestjs/testing';
import { CommandBus } from '@nestjs/cqrs';
import type { INestApplicationContext } from '@nestjs/common';
import { ConfigModule, loadEnvironment } from '@hld/config';
import { Clock } from '@hld/kernel';
import { PersistenceModule } from '@hld/persistence';
import { JobsModule } from '@hld/jobs';
import { CommitmentsModule } from '@hld/commitments';
import { CatalogueModule, LoadCatalogue } from '@hld/catalogue';
import { AnnualSummariesWorkerModule, type SummaryVersionView } from '@hld/annual-summaries';
import { WorkerModule } from '../../apps/worker/src/worker.module.js';
import type { Agent } from './test-api.js';
import type { TestClock } from './test-clock.js';

/** The real worker module in this process (BullMQ processors, relay, sweep), on a clock the test controls. */
export async function startTestWorker(clock: TestClock): Promise<TestingModule> {
  const moduleRef = await Test.createTestingModule({ imports: [WorkerModule.forRoot(loadEnvironment())] })
    .overrideProvider(Clock)
    .useValue(clock)
    .compile();
  moduleRef.useLogger(['error']);
  await moduleRef.init();
  return moduleRef;
}

/**
 * Just what compiles annual summaries (the summaries processor and what it reads), in this process on `clock`,
 * with the shipped catalogue loaded, on the database `DATABASE_URL` names now.
 */
export async function startSummariesWorker(clock: TestClock): Promise<INestApplicationContext> {
  const moduleRef = await Test.createTestingModule({
    imports: [
      ConfigModule.forRoot(loadEnvironment()),
      PersistenceModule,
      JobsModule,
      CommitmentsModule,
      CatalogueModule,
      AnnualSummariesWorkerModule,
    ],
  })
    .overrideProvider(Clock)
    .useValue(clock)
    .compile();
  const worker = await moduleRef.init();
  await worker.get(CommandBus).execute(new LoadCatalogue('db/catalogue'));
  return worker;
}

/** The summary version at `location` once its compilation has ended (done or failed), polled every 100 ms. */
export async function summaryFinished(http: Agent, location: string, timeoutMs = 30_000): Promise<SummaryVersionView> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await http.get(location).expect(200);
    if (res.body.status === 'done' || res.body.status === 'failed') return res.body as SummaryVersionView;
    if (Date.now() > deadline) throw new Error(`${location} still ${res.body.status} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
