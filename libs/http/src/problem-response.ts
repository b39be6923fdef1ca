import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiProperty, ApiPropertyOptional, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { PROBLEM_CONTENT_TYPE } from './problem.js';

const DESCRIPTIONS: Record<number, string> = {
  400: 'The request is invalid (fields listed in `errors`)',
  401: 'Not signed in, or the credential is invalid or expired',
  403: 'Not allowed (the rule that refused is in `detail`)',
  404: 'Not found',
  409: 'Conflict with the current state',
  422: 'Understood but refused by a business rule',
  428: 'A precondition header (If-Match) is required',
  429: 'Too many attempts; retry after `Retry-After` seconds',
  503: 'A backing service is unavailable; retry after `Retry-After` seconds',
};

export class FieldProblemResponse {
  @ApiProperty({ example: 'email' }) field: string;
  @ApiProperty({ example: 'must be an email' }) message: string;
}

/** The OpenAPI shape of every error answer (RFC 9457 problem details), so generated clients know it. */
export class ProblemResponse {
  @ApiProperty({ example: 'urn:hld:problem:validation-failed' }) type: string;
  @ApiProperty({ example: 'Bad Request' }) title: string;
  @ApiProperty({ example: 400 }) status: number;
  @ApiProperty() detail: string;
  @ApiProperty({ example: 'VALIDATION_FAILED' }) code: string;
  @ApiPropertyOptional() instance?: string;
  @ApiPropertyOptional() requestId?: string;
  @ApiPropertyOptional({ type: [FieldProblemResponse] }) errors?: FieldProblemResponse[];
  @ApiPropertyOptional({ description: 'on 429: seconds before another attempt may succeed' }) retryAfterSeconds?: number;
}

/** Declares the problem+json answers a route may give, by status. */
export function ApiProblems(...statuses: number[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ApiExtraModels(ProblemResponse),
    ...statuses.map((status) =>
      ApiResponse({
        status,
        description: DESCRIPTIONS[status] ?? 'Error',
        content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: getSchemaPath(ProblemResponse) } } },
      }),
    ),
  );
}
