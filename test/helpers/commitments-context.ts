import { Test } from '@nestjs/testing';
import type { INestApplicationContext } from '@nestjs/common';
import { ConfigModule, loadEnvironment } from '@hld/config';
import { PersistenceModule } from '@hld/persistence';
import { Clock } from '@hld/kernel';
import { CommitmentsModule } from '@hld/commitments';
import type { TestClock } from './test-clock.js';

/** The commitments context on the test database, without HTTP or queues; on `clock` when a test moves time. */
export async function startCommitmentsContext(clock?: TestClock): Promise<INestApplicationContext> {
  const builder = Test.createTestingModule({ imports: [ConfigModule.forRoot(loadEnvironment()), PersistenceModule, CommitmentsModule] });
  const moduleRef = await (clock ? builder.overrideProvider(Clock).useValue(clock) : builder).compile();
  return moduleRef.init();
}
