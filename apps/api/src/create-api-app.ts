import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import compression from '@fastify/compress';
import helmet from 'helmet';
import { Environment, logLevels, proxyTrust } from '@hld/config';
import { clientErrorResponse, PROBLEM_CONTENT_TYPE, problemType, refuseUnacceptableInput, routerErrorProblem } from '@hld/http';
import { ApiModule } from './api.module.js';
import { createOpenApiDocument } from './openapi.js';
import { registerWebApp } from './web-app.js';

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,100}$/;

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

/** The same headers as a list, for answers written straight to the socket (they depend on nothing in the request). */
const SECURITY_HEADERS: Readonly<Record<string, string>> = (() => {
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader: (name: string, value: unknown) => (headers[name] = String(value)),
    removeHeader: (name: string) => delete headers[name],
  };
  securityHeaders({} as IncomingMessage, recorder as unknown as ServerResponse, () => undefined);
  return headers;
})();

export function createHttpAdapter(env: Environment): FastifyAdapter {
  return new FastifyAdapter({
    bodyLimit: env.BODY_LIMIT_BYTES,
    // X-Forwarded-For counts only from the proxies TRUST_PROXY names: otherwise any client could name any address
    // (walking around the sign-in throttle and forging the address kept on sessions and events)
    trustProxy: proxyTrust(env.TRUST_PROXY),
    // Every answer is problem+json with a request id and the security headers, whatever layer refuses the request:
    // Fastify's router (a broken percent-encoding: 400, a path parameter over 100 characters: 414) answers before
    // any hook or filter runs, and Node itself answers a request it cannot read (a head over 16 KiB: 431).
    frameworkErrors: (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
      securityHeaders(request.raw, reply.raw, () => undefined);
      const problem = routerErrorProblem(error, request);
      void reply.status(problem.status).header('Content-Type', PROBLEM_CONTENT_TYPE).header('X-Request-Id', request.id).send(problem);
    },
    clientErrorHandler: (error: Error & { code?: string }, socket) => {
      if (error.code === 'ECONNRESET' || socket.destroyed) return;
      if (socket.writable) socket.write(clientErrorResponse(error, SECURITY_HEADERS));
      socket.destroy(error);
    },
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
export async function configureApiApp(app: NestFastifyApplication, options: { webApp?: boolean } = {}): Promise<NestFastifyApplication> {
  app.setGlobalPrefix('api/v1');
  const env = app.get(Environment);
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', (request, reply, done) =>
      securityHeaders(request.raw, reply.raw, (error?: unknown) => done(error as Error | undefined)),
    );
  // closed unless CORS_ORIGINS names the browser origins allowed to call the API
  const origins = env.CORS_ORIGINS.split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  if (origins.length > 0) {
    app.enableCors({ origin: origins, exposedHeaders: ['ETag', 'Location', 'X-Request-Id', 'Retry-After'], maxAge: 600 });
  }
  const fastify = app.getHttpAdapter().getInstance();
  // what the API accepts as text, and how deep a body may nest: checked once for every route, before validation
  fastify.addHook('preValidation', refuseUnacceptableInput);
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
  // JSON answers compressed for clients that accept it (a catalogue page of 200 rows: 133 KB, a tenth of it in
  // Brotli: most of what a slow link waits for). Before any route is added, so that every route gets the hook; the
  // web app's files are compressed at build time and pass through. Request bodies are never decompressed.
  await app.register(compression, { encodings: ['br', 'gzip'], threshold: 1024, globalDecompression: false });
  const document = createOpenApiDocument(app);
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs/json' });
  // the web app at `/` (the e2e tests that boot the API in their own process leave it out: the browser tests use
  // the built API as npm start runs it)
  if (options.webApp !== false) await registerWebApp(app);
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
