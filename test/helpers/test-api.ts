import { Test } from '@nestjs/testing';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { loadEnvironment } from '@hld/config';
import { Clock } from '@hld/kernel';
import { ApiModule } from '../../apps/api/src/api.module.js';
import { configureApiApp, createHttpAdapter } from '../../apps/api/src/create-api-app.js';
import { TestClock } from './test-clock.js';

export interface TestApi {
  app: NestFastifyApplication;
  http: ReturnType<typeof request>;
  db: DataSource;
  clock: TestClock;
  close(): Promise<void>;
}

/** Boots the real API in this process, on the test database and Redis, with a clock the test controls. */
export async function startTestApi(clock = new TestClock()): Promise<TestApi> {
  const env = loadEnvironment();
  const moduleRef = await Test.createTestingModule({ imports: [ApiModule] })
    .overrideProvider(Clock)
    .useValue(clock)
    .compile();
  const app = await configureApiApp(moduleRef.createNestApplication<NestFastifyApplication>(createHttpAdapter(env), { logger: ['error'] }), {
    swaggerUi: false,
  });
  return {
    app,
    http: request(app.getHttpServer()),
    db: app.get<DataSource>(getDataSourceToken()),
    clock,
    close: () => app.close(),
  };
}
