import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { loadEnvironment } from '@hld/config';
import { BEARER_SCHEME, ProblemResponse, SESSION_SCHEME, withEdgeAnswers } from '@hld/http';
import { SESSION_COOKIE } from '@hld/identity';
import { ApiModule } from './api.module.js';

/**
 * The API's OpenAPI document, served at /api/docs (JSON at /api/docs/json) and the source of the web app's generated
 * client. Each route documents itself with `@Endpoint` (libs/http); `withEdgeAnswers` adds what the edge answers on
 * every route. test/e2e/openapi-document.spec.ts holds it to what the API serves and answers.
 */
export function createOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('HLD follow-up tracker')
    .setDescription(
      'Commitments made for the 2013 High-level Dialogue on International Migration and Development: ' +
        'their owners, lifecycle, due dates and progress reports. Errors are application/problem+json.',
    )
    .setVersion('1')
    .addBearerAuth(
      {
        type: 'http',
        scheme: 'bearer',
        bearerFormat: undefined,
        description: 'an access token from POST /auth/login, or an API token (hld_…)',
      },
      BEARER_SCHEME,
    )
    .addCookieAuth(
      SESSION_COOKIE.name,
      {
        type: 'apiKey',
        in: 'cookie',
        description:
          `the web app's HttpOnly session cookie from POST /auth/session (named ${SESSION_COOKIE.localName} on localhost); ` +
          'a request other than GET, HEAD or OPTIONS made with it must carry an X-Requested-With header (403 otherwise)',
      },
      SESSION_SCHEME,
    )
    .build();
  return withEdgeAnswers(SwaggerModule.createDocument(app, config, { extraModels: [ProblemResponse] }));
}

/**
 * The document without a server, a database or Redis: Nest's preview mode resolves the modules and reads the
 * controllers' metadata without creating any provider.
 */
export async function openApiDocumentWithoutServer(): Promise<OpenAPIObject> {
  const app = await NestFactory.create<NestFastifyApplication>(ApiModule.forRoot(loadEnvironment()), new FastifyAdapter(), {
    preview: true,
    logger: false,
  });
  app.setGlobalPrefix('api/v1');
  try {
    return createOpenApiDocument(app);
  } finally {
    await app.close();
  }
}

const CLIENT_HEADER = `// Generated from the API's OpenAPI document by \`npm run api:client\`; do not edit (npm test fails when stale).\n\n`;

/** The web app's API types (openapi-typescript), loaded only when asked for: it is a build-time tool. */
export async function apiClientTypes(document: OpenAPIObject): Promise<string> {
  const { default: openapiTS, astToString } = await import('openapi-typescript');
  return CLIENT_HEADER + astToString(await openapiTS(document as unknown as Parameters<typeof openapiTS>[0]));
}
