import type { FieldProblem } from '@hld/kernel';

/** An RFC 9457 problem details body. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  code: string;
  requestId?: string;
  errors?: FieldProblem[];
  [extension: string]: unknown;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** Problem type URIs are stable identifiers of the error code, documented in the README. */
export const problemType = (code: string): string => `urn:hld:problem:${code.toLowerCase().replace(/_/g, '-')}`;
