import { applyDecorators, HttpCode, SetMetadata, type Type } from '@nestjs/common';
import {
  ApiExtraModels,
  ApiOperation,
  ApiParam,
  ApiResponse,
  ApiSecurity,
  type HeaderObject,
  type ResponseObject,
  type SchemaObject,
} from '@nestjs/swagger';
import { problemResponse, ProblemResponse, type ProblemStatus } from './problem-response.js';

/** Metadata the authentication guard reads: the route answers without a principal. Set by `@Endpoint({ public: true })`. */
export const PUBLIC_ROUTE = 'hld:public';

/** The names of the API's two security schemes in the OpenAPI document (defined in apps/api/src/openapi.ts). */
export const BEARER_SCHEME = 'bearer';
export const SESSION_SCHEME = 'session';

/** Response headers a success answer may carry, documented by name. */
const SUCCESS_HEADERS = {
  ETag: { description: 'the version as a strong entity tag ("<version>"): send it back in If-Match', schema: { type: 'string' } },
  Location: { description: 'where the resource is', schema: { type: 'string' } },
  'Cache-Control': { description: 'no-store: the answer carries credentials', schema: { type: 'string' } },
  'Set-Cookie': { description: 'the web app session cookie (HttpOnly)', schema: { type: 'string' } },
} satisfies Record<string, HeaderObject>;
export type SuccessHeader = keyof typeof SUCCESS_HEADERS;

/** A success body: a response class, `[Class]` for an array of them, or a response object for anything else (a file). */
type SuccessBody = Type<unknown> | [Type<unknown>] | { description?: string; content: ResponseObject['content'] };

const SUCCESS_STATUS = { ok: 200, created: 201, accepted: 202, noContent: 204 } as const;
type SuccessKind = keyof typeof SUCCESS_STATUS;
/** Exactly one success answer: its kind names the status (`noContent` is a description: a 204 has no body). */
type Success = {
  [K in SuccessKind]: { [k in K]: K extends 'noContent' ? string : SuccessBody } & { [k in Exclude<SuccessKind, K>]?: never };
}[SuccessKind];

/** A path parameter's documentation. */
export interface ParamDoc {
  description: string;
  schema: SchemaObject;
  example?: unknown;
}

/** A path parameter that is a UUID (read with ParseUUIDPipe). */
export const uuidParam = (description: string): ParamDoc => ({ description, schema: { type: 'string', format: 'uuid' } });

/** What a route says about itself in the OpenAPI document; see `Endpoint`. */
export type EndpointOptions = Success & {
  /** One line: what the route does for the person calling it. */
  summary: string;
  description?: string;
  /**
   * The errors this route itself can answer (403 of @Performs or a rule, 404, 409, 412, 422, 428, 429). Those the
   * edge answers on every route (400, 401, 503; on writes 413, 415 and 403 without the CSRF header; on POSTs
   * Idempotency-Key's 409 and 422; 414) are added to every operation by `withEdgeAnswers`: not repeated here.
   */
  problems?: ProblemStatus[];
  /** Reachable without signing in: no security requirement, and the authentication guard lets it through. */
  public?: true;
  /** Path parameters whose type Nest cannot see (a pipe reads the text as a UUID or a number): what they are. */
  params?: Record<string, ParamDoc>;
  /** Response headers of the success answer. */
  headers?: SuccessHeader[];
};

const SUCCESS_DESCRIPTIONS: Record<number, string> = { 200: 'OK', 201: 'Created', 202: 'Accepted' };

/**
 * Documents a route in the OpenAPI document, in one place, and applies what it declares so the two cannot
 * disagree: the success status (Nest's @HttpCode) and whether the route is public (the authentication guard's
 * metadata). Every route has one:
 *
 *   @Get(':idOrCode')
 *   @Endpoint({ summary: 'Read one commitment', ok: CommitmentResponse, problems: [404], headers: ['ETag'] })
 *
 * test/e2e/openapi-document.spec.ts fails for a served route without it, or whose answers it does not declare.
 */
export function Endpoint(options: EndpointOptions): MethodDecorator {
  const [kind, body] = Object.entries(options).find(([key]) => key in SUCCESS_STATUS) as [SuccessKind, SuccessBody | string];
  const status = SUCCESS_STATUS[kind];
  const headers = options.headers?.length ? Object.fromEntries(options.headers.map((h) => [h, SUCCESS_HEADERS[h]])) : undefined;
  return applyDecorators(
    ApiOperation({ summary: options.summary, ...(options.description ? { description: options.description } : {}) }),
    HttpCode(status),
    ApiResponse(successResponse(status, body, headers)),
    ApiExtraModels(ProblemResponse),
    ...(options.problems ?? []).map((problem) => ApiResponse(problemResponse(problem))),
    ...Object.entries(options.params ?? {}).map(([name, param]) => ApiParam({ name, required: true, ...param })),
    ...(options.public ? [SetMetadata(PUBLIC_ROUTE, true)] : [ApiSecurity(BEARER_SCHEME), ApiSecurity(SESSION_SCHEME)]),
  );
}

function successResponse(status: number, body: SuccessBody | string, headers?: Record<string, HeaderObject>) {
  const common = { status, ...(headers ? { headers } : {}) };
  if (typeof body === 'string') return { ...common, description: body };
  const description = SUCCESS_DESCRIPTIONS[status];
  if (typeof body === 'function' || Array.isArray(body)) return { ...common, description, type: body };
  return { ...common, description: body.description ?? description, content: body.content };
}
