import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, type ErrorKind } from '@hld/kernel';
import { isServiceUnavailable } from '@hld/persistence';
import { PROBLEM_CONTENT_TYPE, problemType, type Problem } from './problem.js';

/** The HTTP status of each kind of domain error. Exhaustive: a new kind does not compile until mapped. */
export function statusOf(kind: ErrorKind): number {
  switch (kind) {
    case 'invalid_input':
      return 400;
    case 'unauthenticated':
      return 401;
    case 'forbidden':
      return 403;
    case 'not_found':
      return 404;
    case 'conflict':
      return 409;
    case 'unprocessable':
      return 422;
    case 'precondition_failed':
      return 412;
    case 'precondition_required':
      return 428;
    case 'rate_limited':
      return 429;
    case 'unavailable':
      return 503;
  }
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  408: 'Request Timeout',
  409: 'Conflict',
  412: 'Precondition Failed',
  413: 'Content Too Large',
  414: 'URI Too Long',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  428: 'Precondition Required',
  429: 'Too Many Requests',
  431: 'Request Header Fields Too Large',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** Seconds a client should wait before retrying while PostgreSQL or Redis is unavailable. */
const RETRY_AFTER_SECONDS = 2;

/**
 * The one place errors become HTTP answers: every error leaves as application/problem+json. Client mistakes
 * are 4xx with the offending fields; backing-service outages are 503 with Retry-After; anything else is a
 * 500, logged with its request id, and its details never reach the client.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger(ProblemDetailsFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const problem = this.toProblem(exception, request);
    if (problem.status === 503) void reply.header('Retry-After', String(RETRY_AFTER_SECONDS));
    if (problem.status === 401) void reply.header('WWW-Authenticate', 'Bearer realm="hld"');
    if (problem.status === 429 && typeof problem.retryAfterSeconds === 'number') {
      void reply.header('Retry-After', String(problem.retryAfterSeconds));
    }
    void reply.status(problem.status).header('Content-Type', PROBLEM_CONTENT_TYPE).send(problem);
  }

  toProblem(exception: unknown, request: FastifyRequest): Problem {
    const base = { instance: request.url, requestId: String(request.id) };
    if (exception instanceof DomainError) {
      const status = statusOf(exception.kind);
      return {
        ...exception.details, // extensions first: they must never overwrite the standard members
        type: problemType(exception.code),
        title: TITLES[status],
        status,
        detail: exception.message,
        code: exception.code,
        ...base,
        ...(exception.fields.length ? { errors: exception.fields } : {}),
      };
    }
    if (isServiceUnavailable(exception)) {
      this.logger.warn(`[${request.id}] backing service unavailable: ${(exception as Error).message}`);
      return this.generic(503, 'SERVICE_UNAVAILABLE', 'A backing service is unavailable; retry shortly.', base);
    }
    const clientStatus = clientErrorStatus(exception);
    if (clientStatus) {
      const known = frameworkError(exception);
      const message =
        known?.detail ?? (exception instanceof HttpException ? httpExceptionMessage(exception) : (exception as Error).message);
      return this.generic(clientStatus, known?.code ?? codeForStatus(clientStatus), message, base);
    }
    this.logger.error(`[${request.id}] ${request.method} ${request.url} failed`, (exception as Error)?.stack ?? String(exception));
    return this.generic(500, 'INTERNAL_ERROR', `Something went wrong on our side. Quote request id ${request.id}.`, base);
  }

  private generic(status: number, code: string, detail: string, base: { instance: string; requestId: string }): Problem {
    return { type: problemType(code), title: TITLES[status] ?? 'Error', status, detail, code, ...base };
  }
}

/** The status of errors raised by Nest or Fastify themselves for a client's mistake (bad JSON, 404 route, 413). */
function clientErrorStatus(exception: unknown): number | null {
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    return status >= 400 && status < 500 ? status : null;
  }
  const status = (exception as { statusCode?: unknown })?.statusCode;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : null;
}

function httpExceptionMessage(exception: HttpException): string {
  const response = exception.getResponse();
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  return Array.isArray(message) ? message.join('; ') : String(message ?? exception.message);
}

/** Fastify's own refusals by their error code: our code, and a detail where Fastify's would echo the whole URL. */
const FRAMEWORK_ERRORS: Record<string, { code: string; detail?: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'MALFORMED_JSON' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'MALFORMED_JSON' },
  FST_ERR_BAD_URL: { code: 'MALFORMED_URL', detail: 'The URL is not valid: a percent-encoding is broken or does not spell UTF-8.' },
  FST_ERR_MAX_PARAM_LENGTH: { code: 'URI_TOO_LONG', detail: 'A path parameter is longer than 100 characters.' },
};

function frameworkError(exception: unknown): { code: string; detail?: string } | undefined {
  // Nest wraps Fastify's own errors (body parsing) in an HttpException whose cause is the original
  const original = exception instanceof HttpException && exception.cause ? exception.cause : exception;
  const fastifyCode = (original as { code?: string })?.code;
  if (exception instanceof SyntaxError) return FRAMEWORK_ERRORS.FST_ERR_CTP_INVALID_JSON_BODY;
  return typeof fastifyCode === 'string' && Object.hasOwn(FRAMEWORK_ERRORS, fastifyCode) ? FRAMEWORK_ERRORS[fastifyCode] : undefined;
}

function codeForStatus(status: number): string {
  switch (status) {
    case 400:
      return 'BAD_REQUEST';
    case 404:
      return 'ROUTE_NOT_FOUND';
    case 413:
      return 'PAYLOAD_TOO_LARGE';
    case 414:
      return 'URI_TOO_LONG';
    case 415:
      return 'UNSUPPORTED_MEDIA_TYPE';
    case 429:
      return 'TOO_MANY_REQUESTS';
    default:
      return 'CLIENT_ERROR';
  }
}

const outsideNest = new ProblemDetailsFilter();

/**
 * The problem+json answer to an error Fastify's router raises before any hook, guard or filter runs (a broken
 * percent-encoding, an over-long path parameter): the same body the filter gives everything else.
 */
export function routerErrorProblem(error: unknown, request: FastifyRequest): Problem {
  return outsideNest.toProblem(error, request);
}
