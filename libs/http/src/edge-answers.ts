import type { OpenAPIObject, OperationObject, ParameterObject, ResponseObject } from '@nestjs/swagger';
import { PROBLEM_CONTENT_TYPE } from './problem.js';
import { PROBLEM_RESPONSE_NAMES, problemResponse, ProblemResponse, type ProblemStatus } from './problem-response.js';

const WRITES = new Set(['post', 'put', 'patch', 'delete']);

const IDEMPOTENCY_KEY: ParameterObject = {
  name: 'Idempotency-Key',
  in: 'header',
  required: false,
  description: 'replays the first answer to a retry with the same key and body (1-255 visible ASCII characters)',
  schema: { type: 'string', minLength: 1, maxLength: 255 },
};

/**
 * What the edge answers on every route, whatever the route is, added to every operation of the document so that
 * no route has to repeat it (`@Endpoint` declares what is particular to the route):
 * - 400: the text rule and the nesting bound (request-input.hook.ts) read every parameter and body; 401: a bad
 *   `Authorization` header, on public routes too; 503: a backing service down, or the instance shutting down;
 * - with a security requirement: on a write, 403 when the session cookie comes without the CSRF header; on a POST,
 *   Idempotency-Key and its 409 (still running) and 422 (another body);
 * - on a write: 413 (body limit) and 415 (not JSON); with a path parameter, 414 (over 100 characters): answered by
 *   Fastify before the route. (Node's 431, a request head over 16 KiB, comes before any route is known.)
 * Every answer that is only a problem refers to one shared response (`#/components/responses/NotFound`), which keeps
 * the document, and the client generated from it, short.
 */
export function withEdgeAnswers(document: OpenAPIObject): OpenAPIObject {
  // a problem carries extension members of its own code (RFC 9457 §3.2: `idOrCode`, `year`, …)
  const problem = document.components?.schemas?.[ProblemResponse.name];
  if (!problem) throw new Error(`${ProblemResponse.name} is missing from the document (extraModels)`);
  Object.assign(problem, { additionalProperties: true });
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(item) as Array<[string, OperationObject]>) {
      if (!operation?.responses) continue;
      const secured = (operation.security?.length ?? 0) > 0;
      const edge: ProblemStatus[] = [400, 401, 503];
      if (WRITES.has(method)) edge.push(413, 415);
      if (path.includes('{')) edge.push(414);
      if (secured && WRITES.has(method)) edge.push(403);
      if (secured && method === 'post') {
        edge.push(409, 422);
        operation.parameters = [...(operation.parameters ?? []), IDEMPOTENCY_KEY];
      }
      for (const status of edge) addProblem(operation, status);
      operation.responses = Object.fromEntries(
        Object.entries(operation.responses)
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([status, response]) => [status, shared(status, response as ResponseObject)]),
      );
    }
  }
  document.components = {
    ...document.components,
    responses: {
      ...document.components?.responses,
      ...Object.fromEntries(
        (Object.entries(PROBLEM_RESPONSE_NAMES) as Array<[string, string]>).map(([status, name]) => {
          const { status: _, ...response } = problemResponse(Number(status) as ProblemStatus);
          return [name, response];
        }),
      ),
    },
  };
  return document;
}

/** A reference to the shared response when the answer is only a problem. */
function shared(status: string, response: ResponseObject): ResponseObject | { $ref: string } {
  const name = PROBLEM_RESPONSE_NAMES[Number(status) as ProblemStatus];
  const onlyProblem = response.content && Object.keys(response.content).join() === PROBLEM_CONTENT_TYPE;
  return name && onlyProblem ? { $ref: `#/components/responses/${name}` } : response;
}

/** Declares a problem+json answer; a status the route already answers with another body (health's 503) gets both. */
function addProblem(operation: OperationObject, status: ProblemStatus): void {
  const { status: _, ...problem } = problemResponse(status);
  const existing = operation.responses[status] as ResponseObject | undefined;
  if (!existing) operation.responses[status] = problem;
  else existing.content = { ...problem.content, ...existing.content };
}
