import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import { PROBLEM_CONTENT_TYPE, problemType, type Problem } from './problem.js';

/**
 * The raw HTTP answer to a request Node could not even read (a head over 16 KiB: 431, a timeout: 408, a request
 * line that is not HTTP: 400), which never reaches Fastify's routing: a problem+json body with a request id and
 * the given security headers, like every other answer of the API.
 */
export function clientErrorResponse(error: { code?: string }, securityHeaders: Readonly<Record<string, string>>): string {
  const [status, code, detail] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'HEADERS_TOO_LARGE', 'The request line and headers are larger than 16 KiB.']
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'REQUEST_TIMEOUT', 'The request did not arrive in time.']
        : [400, 'MALFORMED_REQUEST', 'The request is not valid HTTP.'];
  const requestId = randomUUID();
  const problem: Problem = { type: problemType(code), title: STATUS_CODES[status] ?? 'Error', status, detail, code, requestId };
  const body = JSON.stringify(problem);
  const headers = {
    ...securityHeaders,
    'Content-Type': PROBLEM_CONTENT_TYPE,
    'Content-Length': String(Buffer.byteLength(body)),
    'X-Request-Id': requestId,
    Connection: 'close',
  };
  return `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n${Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('')}\r\n${body}`;
}
