import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import type { FieldProblem } from '@hld/kernel';
import { inputProblems, textProblem } from './accepted-text.js';
import { RequestValidationFailed } from './request-validation-failed.js';

/** Request headers whose values are stored (sessions keep the user agent); the others are read, never kept. */
const STORED_HEADERS = ['user-agent'];

/**
 * The edge's one check of what a request carries, for every route: path parameters, the query, the parsed body
 * (JSON or form) and the stored headers hold only acceptable text, and the body is not nested deeper than
 * MAX_NESTING. A Fastify `preValidation` hook: it runs after the body is parsed and before Nest turns it into
 * classes (class-transformer recurses, and overflows the stack on a deep body) or anything reaches PostgreSQL.
 */
export function refuseUnacceptableInput(request: FastifyRequest, _reply: FastifyReply, done: HookHandlerDoneFunction): void {
  const problems: FieldProblem[] = [...inputProblems(request.params), ...inputProblems(request.query), ...inputProblems(request.body)];
  for (const name of STORED_HEADERS) {
    const value = request.headers[name];
    const problem = typeof value === 'string' ? textProblem(value) : null;
    if (problem) problems.push({ field: name.replace(/(^|-)[a-z]/g, (c) => c.toUpperCase()), message: problem });
  }
  done(problems.length > 0 ? new RequestValidationFailed(problems) : undefined);
}
