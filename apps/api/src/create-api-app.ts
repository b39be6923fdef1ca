import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { Logger, type LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { Environment } from '@hld/config';
import { ApiModule } from './api.module.js';

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,100}$/;
const LEVELS: LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];

/**
 * Builds the API application exactly as production runs it; the e2e tests call this too, so they
 * exercise the same adapter, limits, prefix and error handling.
 */
export async function createApiApp(env: Environment): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: env.BODY_LIMIT_BYTES,
    trustProxy: true,
    // the caller's X-Request-Id when it is sane, so a request can be followed across systems
    genReqId: (request: IncomingMessage) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    requestIdHeader: false,
  });
  const app = await NestFactory.create<NestFastifyApplication>(ApiModule, adapter, {
    logger: LEVELS.slice(0, LEVELS.indexOf(env.LOG_LEVEL as LogLevel) + 1),
    bufferLogs: false,
  });
  app.setGlobalPrefix('api/v1');
  app.enableShutdownHooks();
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onSend', async (request, reply) => {
    void reply.header('X-Request-Id', request.id);
  });

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('HLD follow-up tracker')
      .setDescription(
        'Commitments made for the 2013 High-level Dialogue on International Migration and Development, their lifecycle and progress.',
      )
      .setVersion('1')
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs/json' });
  Logger.log(`OpenAPI at ${env.PUBLIC_URL}/api/docs`, 'Api');
  return app;
}
