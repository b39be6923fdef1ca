import { ApiProperty, ApiPropertyOptional, getSchemaPath, type ResponseObject } from '@nestjs/swagger';
import { PROBLEM_CONTENT_TYPE } from './problem.js';

/** Every status an error answer of the API can have (problem+json). */
export type ProblemStatus = 400 | 401 | 403 | 404 | 409 | 412 | 413 | 414 | 415 | 422 | 428 | 429 | 503;

const DESCRIPTIONS: Record<ProblemStatus, string> = {
  400: 'The request is invalid (fields listed in `errors`)',
  401: 'Not signed in, or the credential is invalid or expired',
  403: 'Not allowed (`code` NOT_ALLOWED names the `action` and the `rule`), or CSRF_HEADER_MISSING',
  404: 'Not found',
  409: 'Conflict with the current state (a stale version: `currentVersion`)',
  412: 'If-Match names no version the API ever gives (a weak or unknown entity tag)',
  413: 'The body is larger than BODY_LIMIT_BYTES',
  414: 'A path parameter is longer than 100 characters',
  415: 'The body is not JSON',
  422: 'Understood but refused by a business rule',
  428: 'If-Match is required',
  429: 'Too many attempts; retry after `Retry-After` seconds',
  503: 'A backing service is unavailable or the API is shutting down; retry after `Retry-After` seconds',
};

/** The shared responses' names in the document (`#/components/responses/<name>`). */
export const PROBLEM_RESPONSE_NAMES: Record<ProblemStatus, string> = {
  400: 'BadRequest',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'NotFound',
  409: 'Conflict',
  412: 'PreconditionFailed',
  413: 'PayloadTooLarge',
  414: 'UriTooLong',
  415: 'UnsupportedMediaType',
  422: 'UnprocessableContent',
  428: 'PreconditionRequired',
  429: 'TooManyRequests',
  503: 'ServiceUnavailable',
};

export class FieldProblemResponse {
  @ApiProperty({ example: 'email' }) field: string;
  @ApiProperty({ example: 'must be an email' }) message: string;
}

/** The OpenAPI shape of every error answer (RFC 9457 problem details), so generated clients know it. */
export class ProblemResponse {
  @ApiProperty({ example: 'urn:hld:problem:validation-failed' }) type: string;
  @ApiProperty({ example: 'Bad Request' }) title: string;
  @ApiProperty({ type: 'integer', example: 400 }) status: number;
  @ApiProperty() detail: string;
  @ApiProperty({ example: 'VALIDATION_FAILED' }) code: string;
  @ApiPropertyOptional() instance?: string;
  @ApiPropertyOptional({ description: 'also in the X-Request-Id header' }) requestId?: string;
  @ApiPropertyOptional({ type: [FieldProblemResponse] }) errors?: FieldProblemResponse[];
  @ApiPropertyOptional({ type: 'integer', description: 'on 429: seconds before another attempt may succeed' }) retryAfterSeconds?: number;
  @ApiPropertyOptional({ type: 'integer', description: 'on a version conflict (409): the version to re-read' }) currentVersion?: number;
  @ApiPropertyOptional({ type: [String], description: 'on a refused lifecycle move (409): the statuses allowed from here' })
  allowedTransitions?: string[];
  @ApiPropertyOptional({ description: 'on NOT_ALLOWED (403): the action refused' }) action?: string;
  @ApiPropertyOptional({ description: 'on NOT_ALLOWED (403): the rule that refused it' }) rule?: string;
}

/** The response object of one error status: problem+json with the ProblemResponse schema. */
export const problemResponse = (status: ProblemStatus): ResponseObject & { status: ProblemStatus } => ({
  status,
  description: DESCRIPTIONS[status],
  content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: getSchemaPath(ProblemResponse) } } },
});
