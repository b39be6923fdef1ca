export { HttpEdgeModule } from './http-edge.module.js';
export { ProblemDetailsFilter, statusOf } from './problem-details.filter.js';
export { PROBLEM_CONTENT_TYPE, problemType } from './problem.js';
export type { Problem } from './problem.js';
export { RequestValidationFailed } from './request-validation-failed.js';
export { Change, IfMatchVersion, etagOf } from './change-context.decorator.js';
export { IdempotencyStore } from './idempotency.store.js';
export { ApiProblems, ProblemResponse } from './problem-response.js';
