import { Test, type TestingModule } from '@nestjs/testing';
import { loadEnvironment } from '@hld/config';
import { Clock } from '@hld/kernel';
import { WorkerModule } from '../../apps/worker/src/worker.module.js';
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
