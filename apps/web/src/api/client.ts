import createClient from 'openapi-fetch';
import type { components, paths } from './schema';

export type Schemas = components['schemas'];
export type User = Schemas['UserResponse'];
export type Problem = Schemas['ProblemResponse'];

/** The CSRF header the API requires on cookie-authenticated changes (any value; a cross-site form cannot set it). */
const CSRF_HEADER = { 'X-Requested-With': 'hld-web' };

/**
 * The only way the web app talks to the API: typed from the generated OpenAPI schema, same origin, the
 * session in an HttpOnly cookie the browser sends by itself.
 */
export const api = createClient<paths>({ credentials: 'same-origin', headers: CSRF_HEADER });

/** An answer that was not 2xx: the API's problem details (or a stand-in when the network failed). */
export class ProblemError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail);
    this.name = 'ProblemError';
  }

  get status(): number {
    return this.problem.status;
  }

  /** The API's message for `field`, if it named that field. */
  fieldMessage(field: string): string | undefined {
    return this.problem.errors?.find((e) => e.field === field)?.message;
  }
}

const isProblem = (value: unknown): value is Problem =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as Problem).status === 'number' &&
  typeof (value as Problem).code === 'string';

/**
 * The data of a successful answer, or a ProblemError. Usage: `unwrap(await api.GET('/api/v1/me'))`.
 */
export function unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.response.ok) return result.data as T;
  throw new ProblemError(
    isProblem(result.error)
      ? result.error
      : { type: 'about:blank', title: result.response.statusText, status: result.response.status, detail: '', code: 'UNEXPECTED_ANSWER' },
  );
}

/** A network failure (offline, the server unreachable) as a problem, so screens handle one kind of error. */
export function networkProblem(): ProblemError {
  return new ProblemError({ type: 'about:blank', title: 'Network error', status: 0, detail: '', code: 'NETWORK_ERROR' });
}
