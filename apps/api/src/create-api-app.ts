import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import { Environment, logLevels } from '@hld/config';
import { PROBLEM_CONTENT_TYPE, problemType } from '@hld/http';
import { ApiModule } from './api.module.js';

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,100}$/;

export function createHttpAdapter(env: Environment): FastifyAdapter {
  return new FastifyAdapter({
    bodyLimit: env.BODY_LIMIT_BYTES,
    trustProxy: true,
    // the caller's X-Request-Id when it is sane, so a request can be followed across systems
    genReqId: (request: IncomingMessage) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    requestIdHeader: false,
    // while closing, new requests get our own problem+json 503 (below) instead of Fastify's plain one
    return503OnClosing: false,
  });
}

/**
 * Everything the API does to an application besides its modules: prefix, request ids, OpenAPI. The
 * e2e tests call this too, so they exercise the same adapter, limits and error handling as production.
 */
export async function configureApiApp(
  app: NestFastifyApplication,
  options: { swaggerUi: boolean } = { swaggerUi: true },
): Promise<NestFastifyApplication> {
  app.setGlobalPrefix('api/v1');
  const env = app.get(Environment);
  // security headers: helmet's middleware, built once (a per-request build re-parses the CSP on every request)
  const securityHeaders = helmet({
    // the API answers JSON; the relaxations are for the OpenAPI explorer page at /api/docs
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", "'unsafe-inline'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
      },
    },
  });
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', (request, reply, done) => securityHeaders(request.raw, reply.raw, (error?: unknown) => done(error as Error | undefined)));
  // closed unless CORS_ORIGINS names the browser origins allowed to call the API
  const origins = env.CORS_ORIGINS.split(',').map((o) => o.trim()).filter(Boolean);
  if (origins.length > 0) {
    app.enableCors({ origin: origins, exposedHeaders: ['ETag', 'Location', 'X-Request-Id', 'Retry-After'], maxAge: 600 });
  }
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', async (request, reply) => {
    if (!draining.has(fastify)) return;
    await reply
      .code(503)
      .header('Retry-After', '5')
      .header('Connection', 'close')
      .type(PROBLEM_CONTENT_TYPE)
      .send({
        type: problemType('SHUTTING_DOWN'),
        title: 'Service Unavailable',
        status: 503,
        detail: 'This instance is shutting down; retry shortly.',
        code: 'SHUTTING_DOWN',
        instance: request.url,
        requestId: String(request.id),
      });
  });
  fastify.addHook('onSend', async (request, reply) => {
    void reply.header('X-Request-Id', request.id);
    // while draining, answers close their connection: keep-alive sockets would otherwise hold the server open
    if (draining.has(fastify)) void reply.header('Connection', 'close');
  });
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('HLD follow-up tracker')
      .setDescription(
        'Commitments made for the 2013 High-level Dialogue on International Migration and Development: ' +
          'their owners, lifecycle, due dates and progress reports. Errors are application/problem+json.',
      )
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  // The UI's static assets come through @fastify/static, which Jest under Node 20 cannot load (it requires an
  // ES module); the tests turn the UI off and still check the OpenAPI document itself.
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs/json', swaggerUiEnabled: options.swaggerUi });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}

const draining = new WeakSet<object>();

/**
 * Stops the API gracefully: new requests are refused (503), those in flight are answered (with
 * `Connection: close`), and only then are the database and Redis connections closed.
 */
export async function stopApiApp(app: NestFastifyApplication): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance();
  draining.add(fastify);
  await fastify.close();
  await app.close();
}

export async function createApiApp(env: Environment): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(ApiModule.forRoot(env), createHttpAdapter(env), {
    logger: logLevels(env),
  });
  return configureApiApp(app);
}
