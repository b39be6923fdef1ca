import { randomUUID } from 'node:crypto';
import { Test } from '@nestjs/testing';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { loadEnvironment } from '@hld/config';
import { Clock, type Role } from '@hld/kernel';
import { UserDirectory, type User } from '@hld/identity';
import { ApiModule } from '../../apps/api/src/api.module.js';
import { configureApiApp, createHttpAdapter } from '../../apps/api/src/create-api-app.js';
import { TcpProxy } from './tcp-proxy.js';
import { TestClock } from './test-clock.js';
import { TEST_DATABASE_URL } from '../test-environment.js';

export type Agent = ReturnType<typeof request.agent>;

export interface SignedIn {
  user: User;
  token: string;
  refreshToken: string;
  password: string;
  /** Requests as this user (Authorization: Bearer set on every call). */
  http: Agent;
}

export interface TestApi {
  app: NestFastifyApplication;
  /** Requests as a coordinator, signed in at start. */
  http: Agent;
  coordinator: SignedIn;
  /** Requests with no credentials. */
  anonymous: ReturnType<typeof request>;
  db: DataSource;
  clock: TestClock;
  /** Creates a user with this role (and agency, for focal points) and signs it in through the API. */
  signIn(role: Role, agency?: string): Promise<SignedIn>;
  close(): Promise<void>;
}

type Settings = Record<string, string | undefined>;

/** Runs `work` with these environment variables (undefined: unset), then puts back what was there. */
async function withSettings<T>(settings: Settings, work: () => Promise<T>): Promise<T> {
  const apply = (values: Settings) => {
    for (const [key, value] of Object.entries(values)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  };
  const saved = Object.fromEntries(Object.keys(settings).map((key) => [key, process.env[key]]));
  apply(settings);
  try {
    return await work();
  } finally {
    apply(saved);
  }
}

/**
 * Boots the real API in this process, on the test database and Redis, with a clock the test controls. `settings`
 * are environment variables for this instance only (undefined: unset, so the default applies).
 */
export async function startTestApi(clock = new TestClock(), settings: Settings = {}): Promise<TestApi> {
  const { env, moduleRef } = await withSettings(settings, async () => {
    const env = loadEnvironment();
    return {
      env,
      moduleRef: await Test.createTestingModule({ imports: [ApiModule.forRoot(env)] })
        .overrideProvider(Clock)
        .useValue(clock)
        .compile(),
    };
  });
  const app = await configureApiApp(
    moduleRef.createNestApplication<NestFastifyApplication>(createHttpAdapter(env), { logger: ['error'] }),
    {
      webApp: false,
    },
  );
  const server = app.getHttpServer();
  const users = app.get(UserDirectory);

  const signIn = async (role: Role, agency?: string): Promise<SignedIn> => {
    const password = `pw-${randomUUID()}`;
    const user = await users.create({
      email: `${role}-${randomUUID().slice(0, 8)}@test.invalid`,
      name: `Test ${role}`,
      role,
      agency,
      password,
    });
    const res = await request(server).post('/api/v1/auth/login').send({ email: user.email, password });
    if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${JSON.stringify(res.body)}`);
    return {
      user,
      password,
      token: res.body.accessToken,
      refreshToken: res.body.refreshToken,
      http: request.agent(server).set('Authorization', `Bearer ${res.body.accessToken}`),
    };
  };
  const coordinator = await signIn('coordinator');
  return {
    app,
    http: coordinator.http,
    coordinator,
    anonymous: request(server),
    db: app.get<DataSource>(getDataSourceToken()),
    clock,
    signIn,
    close: () => app.close(),
  };
}

/**
 * The API booted with PostgreSQL behind a proxy the test can cut and restore (an outage, a restart). `close`
 * stops the API, then the proxy, and gives the other tests their usual DATABASE_URL back.
 */
export async function startTestApiBehindDatabaseProxy(): Promise<{ api: TestApi; proxy: TcpProxy; close(): Promise<void> }> {
  const proxy = new TcpProxy('127.0.0.1', Number(new URL(TEST_DATABASE_URL).port || 5432));
  await proxy.start();
  const url = new URL(TEST_DATABASE_URL);
  url.port = String(proxy.port);
  process.env.DATABASE_URL = url.toString();
  try {
    const api = await startTestApi();
    return {
      api,
      proxy,
      close: async () => {
        process.env.DATABASE_URL = TEST_DATABASE_URL;
        await api.close();
        await proxy.cut();
      },
    };
  } catch (error) {
    process.env.DATABASE_URL = TEST_DATABASE_URL;
    await proxy.cut();
    throw error;
  }
}
