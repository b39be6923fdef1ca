import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import request from 'supertest';
import { aCommitment } from '../helpers/factories.js';
import { fastifyPath, servedRoutes } from '../helpers/route-table.js';
import { answerMismatches, type OpenApiDocument, type Operation } from '../helpers/openapi-schema.js';
import { startTestApi, type SignedIn, type TestApi } from '../helpers/test-api.js';

/**
 * Hostile input on every route, as an attacker sends it: every write route gets, in every field of its body (at any
 * depth the schema has), every query parameter and every path parameter, a family of hostile values (NUL, lone
 * surrogates, control characters, 10,000-deep nesting, null, wrong types, impossible and out-of-range dates, 1 MB
 * strings), as a signed-in admin and, for whole bodies, without credentials. Then values drawn by fast-check (fixed
 * seed). Every answer: never a 5xx; a 4xx is problem+json with its request id and the security headers; and a
 * refused request wrote nothing (events, notifications, users, sessions, tokens, cycles, summaries, keys). Every
 * answer is one the OpenAPI document declares for the route, and its body fits the declared schema (but Node's 431,
 * which comes before any route is known).
 *
 * The routes come from the app itself (Fastify's route table, checked against the OpenAPI document), and the body
 * fields and query parameters from the OpenAPI document: a new route, field or parameter is fuzzed without a change
 * here, and a route this file has no fixture for fails the first test.
 */

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** JSON text sent as it is: what JSON.stringify cannot build (10,000 levels) or would write otherwise (1e400). */
class RawJson {
  constructor(readonly text: string) {}
}

interface Hostile {
  label: string;
  value: unknown;
}

const MB = 1024 * 1024;
/** Every byte of the text's UTF-8 form percent-encoded (a lone surrogate has none: it becomes U+FFFD, as in any URL). */
const percentEncoded = (text: string) => [...Buffer.from(text, 'utf8')].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('');
const raw = (text: string) => new RawJson(text);
const nested = (depth: number, open: string, close: string, inner = '') => raw(open.repeat(depth) + inner + close.repeat(depth));

/** Impossible, malformed or out-of-range dates: each must be refused wherever a date or an instant is read. */
const BAD_DATES = [
  '2014-02-30',
  '2014-13-45',
  '0000-01-01',
  '2014-W01-1',
  '2030-W01-1',
  '20140101',
  '2014-01-01T12',
  '+275760-09-13',
  '-000001-01-01',
  '1899-12-31',
  '2101-01-01',
  '2014-1-1',
  ' 2014-01-01',
  '2014-01-01T25:00:00Z',
  '2014-01-01T12:00:00+25:00',
  '2014-01-01T12:00:00',
  '9999-12-31T23:59:59.999Z',
];

/** What goes into one field of a JSON body. */
const FIELD_VALUES: Hostile[] = [
  { label: 'NUL', value: '\u0000' },
  { label: 'NUL inside', value: 'ILO\u0000-a' },
  { label: 'lone high surrogate', value: '\ud800' },
  { label: 'lone low surrogate inside', value: 'a\udc00b' },
  { label: 'C0 control', value: '\u0001' },
  { label: 'terminal escape', value: '\u001b[2J' },
  { label: 'DEL', value: '\u007f' },
  { label: 'blank', value: '   ' },
  { label: 'empty', value: '' },
  { label: '1,500-deep arrays', value: nested(1_500, '[', ']') },
  { label: '10,000-deep arrays', value: nested(10_000, '[', ']') },
  { label: '10,000-deep objects', value: nested(10_000, '{"a":', '}', '1') },
  { label: 'null', value: null },
  { label: 'true', value: true },
  { label: 'zero', value: 0 },
  { label: '-1', value: -1 },
  { label: '1.5', value: 1.5 },
  { label: '1e20', value: 1e20 },
  { label: '1e308', value: 1e308 },
  { label: '1e400', value: raw('1e400') },
  { label: '2^53+1', value: raw('9007199254740993') },
  { label: 'empty array', value: [] },
  { label: 'array of text', value: ['x'] },
  { label: 'array of NUL', value: ['\u0000'] },
  { label: 'empty object', value: {} },
  { label: 'object', value: { a: 1 } },
  { label: 'object with a NUL key', value: { 'a\u0000': 1 } },
  { label: '200 KB string', value: 'x'.repeat(200_000) },
  { label: '1 MB string', value: 'x'.repeat(MB) },
];

const DATE_VALUES: Hostile[] = BAD_DATES.map((d) => ({ label: `date ${d}`, value: d }));
/** Fields that hold a date get every bad date; the others, as text, three of them. */
const isDateField = (name: string, schema: Schema | undefined) =>
  schema?.format === 'date' || schema?.format === 'date-time' || /date|At$|asOf|deadline/i.test(name);
const valuesFor = (field: Array<string | number>, schema: Schema | undefined): Hostile[] => [
  ...FIELD_VALUES,
  ...(isDateField(String(field[field.length - 1]), schema)
    ? DATE_VALUES
    : DATE_VALUES.filter((d) => ['2014-02-30', '0000-01-01', '+275760-09-13'].includes(String(d.value)))),
];

/** Whole bodies: sent instead of a valid one. */
const WHOLE_BODIES: Array<{ label: string; type: string; payload: string | Buffer }> = [
  { label: '10,000-deep arrays', type: 'application/json', payload: nested(10_000, '[', ']').text },
  { label: '10,000-deep objects', type: 'application/json', payload: nested(10_000, '{"a":', '}', '1').text },
  { label: 'null', type: 'application/json', payload: 'null' },
  { label: 'a string', type: 'application/json', payload: '"text"' },
  { label: 'a number', type: 'application/json', payload: '5' },
  { label: 'an array', type: 'application/json', payload: '[]' },
  { label: 'a NUL key', type: 'application/json', payload: '{"\\u0000":1}' },
  { label: 'an unknown field with a surrogate', type: 'application/json', payload: '{"zzz":"\\ud800"}' },
  { label: '__proto__', type: 'application/json', payload: '{"__proto__":{"role":"admin"}}' },
  { label: 'constructor.prototype', type: 'application/json', payload: '{"constructor":{"prototype":{"role":"admin"}}}' },
  {
    label: 'invalid UTF-8',
    type: 'application/json',
    payload: Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xed, 0xa0, 0x80, 0x22, 0x7d]),
  },
  { label: 'empty JSON', type: 'application/json', payload: '' },
  { label: 'malformed JSON', type: 'application/json', payload: '{"a":' },
  { label: 'over the body limit', type: 'application/json', payload: `{"a":"${'x'.repeat(MB + 10)}"}` },
  { label: 'a form with NUL', type: 'application/x-www-form-urlencoded', payload: 'title=%00&name=%00' },
  { label: 'plain text', type: 'text/plain', payload: 'hello' },
  { label: 'UTF-16 JSON', type: 'application/json; charset=utf-16', payload: Buffer.from('{"a":1}', 'utf16le') },
];

/** The whole bodies also sent without credentials: those that break the parser, the text rule or the nesting bound. */
const ANONYMOUS_BODIES = [
  '10,000-deep arrays',
  '10,000-deep objects',
  'a NUL key',
  'an unknown field with a surrogate',
  'invalid UTF-8',
  'over the body limit',
  'a form with NUL',
];

/** Query parameter values, already URL-encoded (sent as they are). */
const QUERY_VALUES: Hostile[] = [
  '%00',
  'a%00b',
  '%ED%A0%80', // a lone surrogate in UTF-8 form: not valid UTF-8
  '%C0%80', // an overlong NUL
  '%01',
  '%1B%5B2J',
  '%7F',
  '%',
  '%zz',
  '',
  '%20%20',
  'null',
  'true',
  '-1',
  '0',
  '1.5',
  '1e20',
  '9007199254740993',
  'AA', // base64url of a NUL: a cursor that decodes to NUL
  '7aCA', // base64url of a surrogate's UTF-8 form
  '!!!',
  ...BAD_DATES.map(encodeURIComponent),
  'x'.repeat(10_000),
  'x'.repeat(20_000), // past Node's 16 KiB limit on the request head
].map((value) => ({ label: value.length > 40 ? `${value.length} characters` : value, value }));

/** What a parameter no route knows gets: the values that break text, not those that break a type. */
const UNKNOWN_PARAMETER_VALUES = ['%00', '%ED%A0%80', '%01', '%', 'x'.repeat(10_000), 'x'.repeat(20_000)];

/** Path parameter values, already URL-encoded. */
const PATH_VALUES: Hostile[] = [
  '%00',
  'a%00b',
  '%ED%A0%80',
  '%C0%80',
  '%01',
  '%1B',
  '%7F',
  '%',
  '%zz',
  '%E0%A4%A',
  '%20',
  'null',
  '-1',
  '0',
  '1e3',
  '2014-02-30',
  '99999999999',
  'a'.repeat(101),
  'a'.repeat(10_000),
].map((value) => ({ label: value.length > 40 ? `${value.length} characters` : value, value }));

/** If-Match values that name no current version by strong comparison (RFC 9110): none may let a write through. */
const IF_MATCH_VALUES = (version: number): string[] => [
  `W/"${version}"`,
  `${version}`,
  `"${version}`,
  `${version}"`,
  '""',
  '"abc"',
  '*',
  `"${version}", "${version + 1}"`,
  'W/',
  '"99999999999"',
  '"-1"',
  `"${version}"x`,
];

interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
}

/** A valid request to a route, before one part of it is made hostile. */
interface Target {
  params?: Record<string, string>;
  body?: Record<string, unknown>;
  query?: string;
  ifMatch?: string;
  /** The bearer token; undefined: none. */
  token?: string;
}

interface Fixture {
  prepare(): Promise<Target>;
  /** After a 2xx: the target changed (a commitment moved on, a password changed), the next request needs a new one. */
  spent?(target: Target): void;
}

interface Outcome {
  status: number;
  contentType: string;
}

const TABLES = [
  'events',
  'notifications',
  'reminder_runs',
  'users',
  'sessions',
  'api_tokens',
  'reporting_cycles',
  'annual_summaries',
  'idempotency_keys',
  'progress_reports',
  'commitment_view',
];
/** Rows and the newest row version of each table: any insert, update or delete changes it. */
const FINGERPRINT = `SELECT ${TABLES.map((t) => `(SELECT count(*) || '/' || coalesce(max(xmin::text::bigint), 0) FROM ${t}) AS ${t}`).join(', ')}`;

describe('Hostile input on every route (fuzz)', () => {
  let api: TestApi;
  let admin: SignedIn;
  let doc: { paths: Record<string, Record<string, OpenApiOperation>>; components: { schemas: Record<string, Schema> } };
  const fixtures = new Map<string, Fixture>();
  /** The fingerprint after the last request, while nothing but requests under test wrote since; null: read afresh. */
  let known: Record<string, string> | null = null;
  const fingerprint = async (): Promise<Record<string, string>> => (await api.db.query(FINGERPRINT))[0];
  const statuses = new Map<number, number>();
  const failures: string[] = [];
  let sent = 0;

  interface OpenApiOperation {
    parameters?: Array<{ in: string; name: string }>;
    requestBody?: { content: Record<string, { schema: Schema }> };
  }

  const resolve = (schema: Schema | undefined): Schema | undefined =>
    schema?.$ref ? doc.components.schemas[schema.$ref.split('/').pop()!] : schema;

  /** The API's address: listening once, rather than once per request as supertest does with a bare server. */
  let base: string;

  beforeAll(async () => {
    api = await startTestApi();
    await api.app.listen(0, '127.0.0.1');
    base = await api.app.getUrl();
    admin = await api.signIn('admin');
    doc = (await api.anonymous.get('/api/docs/json').expect(200)).body;
    await defineFixtures();
  });
  afterAll(async () => {
    const byClass = [...statuses].reduce<Record<string, number>>((acc, [status, n]) => {
      const key = `${Math.floor(status / 100)}xx`;
      acc[key] = (acc[key] ?? 0) + n;
      return acc;
    }, {});
    console.log(
      `hostile input: ${sent} requests; by class ${JSON.stringify(byClass)}; by status ${JSON.stringify(Object.fromEntries([...statuses].sort((a, b) => a[0] - b[0])))}`,
    );
    await api?.close();
  });

  /** A commitment in a given state, made for one route and replaced once a request changed it. */
  const commitmentFor = (make: () => Promise<{ code: string; version: number; requestId?: string }>) => {
    let current: Promise<{ code: string; version: number; requestId?: string }> | null = null;
    return {
      get: () => (current ??= make()),
      spent: () => {
        current = null;
      },
    };
  };
  const register = async (overrides: Parameters<typeof aCommitment>[0] = {}) => {
    known = null;
    return (await admin.http.post('/api/v1/commitments').send(aCommitment(overrides)).expect(201)).body.code as string;
  };
  const signIn = (...args: Parameters<TestApi['signIn']>) => {
    known = null;
    return api.signIn(...args);
  };

  async function defineFixtures(): Promise<void> {
    const asAdmin = (target: Omit<Target, 'token'> = {}): Fixture => ({ prepare: async () => ({ ...target, token: admin.token }) });
    const readCode = await register();
    const fresh = commitmentFor(async () => ({ code: await register(), version: 1 }));
    const withDueDate = commitmentFor(async () => ({ code: await register({ dueDate: '2015-01-15' }), version: 1 }));
    const pending = commitmentFor(async () => {
      const code = await register({ dueDate: '2015-01-15' });
      known = null;
      const asked = await admin.http
        .post(`/api/v1/commitments/${code}/extension-requests`)
        .send({ dueDate: '2016-06-30', reason: 'Funding arrived late' })
        .expect(201);
      return { code, version: 2, requestId: asked.body.pendingExtension.requestId };
    });
    const onCommitment = (c: ReturnType<typeof commitmentFor>, body: Record<string, unknown>, versioned: boolean): Fixture => ({
      prepare: async () => {
        const { code, version, requestId } = await c.get();
        return {
          params: { idOrCode: code, ...(requestId ? { requestId } : {}) },
          body: structuredClone(body),
          ...(versioned ? { ifMatch: `"${version}"` } : {}),
          token: admin.token,
        };
      },
      spent: c.spent,
    });

    let me: Promise<SignedIn> | null = null;
    let mePassword = '';
    let leaving: Promise<SignedIn> | null = null;
    const focalPoint = await api.signIn('focal_point', 'ILO');
    let cycleYear = 2099;
    await api.http.post('/api/v1/reporting-cycles').send({ year: 2096, opensAt: '2096-11-01' }).expect(201);
    const notCycleYear = new Set([2096]);
    const reportedOn = await register();

    const table: Record<string, Fixture> = {
      'GET /api/v1/health': { prepare: async () => ({}) },
      'POST /api/v1/auth/login': { prepare: async () => ({ body: { email: 'nobody@fuzz.invalid', password: 'not-the-password' } }) },
      'POST /api/v1/auth/refresh': { prepare: async () => ({ body: { refreshToken: 'not-a-refresh-token' } }) },
      'POST /api/v1/auth/logout': {
        prepare: async () => ({ token: (await (leaving ??= signIn('viewer'))).token }),
        spent: () => {
          leaving = null;
        },
      },
      'POST /api/v1/users': {
        prepare: async () => ({
          body: { email: `fuzz-${randomUUID().slice(0, 8)}@test.invalid`, name: 'Fuzz', role: 'viewer', password: 'a-long-password-1' },
          token: admin.token,
        }),
      },
      'GET /api/v1/users': asAdmin(),
      'PATCH /api/v1/users/{id}': { prepare: async () => ({ params: { id: focalPoint.user.id }, body: {}, token: admin.token }) },
      'GET /api/v1/me': asAdmin(),
      'PATCH /api/v1/me': asAdmin({ body: { language: 'fr' } }),
      // the web app's cookie session (without the CSRF header a well-formed request is 403: nothing is signed in or out)
      'GET /api/v1/auth/session': { prepare: async () => ({}) },
      'POST /api/v1/auth/session': { prepare: async () => ({ body: { email: 'nobody@fuzz.invalid', password: 'not-the-password' } }) },
      'DELETE /api/v1/auth/session': { prepare: async () => ({}) },
      'PUT /api/v1/me/password': {
        prepare: async () => {
          if (!me) {
            me = signIn('viewer');
            mePassword = (await me).password;
          }
          return { body: { currentPassword: mePassword, newPassword: 'another-long-password' }, token: (await me).token };
        },
        spent: (target) => {
          mePassword = String(target.body!.newPassword);
        },
      },
      'POST /api/v1/me/tokens': asAdmin({ body: { name: 'fuzz' } }),
      'GET /api/v1/me/tokens': asAdmin(),
      'DELETE /api/v1/me/tokens/{id}': asAdmin({ params: { id: randomUUID() } }),
      'GET /api/v1/agencies': asAdmin(),
      'GET /api/v1/agenda-items': asAdmin(),
      'POST /api/v1/commitments': { prepare: async () => ({ body: { ...aCommitment() }, token: admin.token }) },
      'GET /api/v1/commitments': asAdmin(),
      'GET /api/v1/commitments/facets': asAdmin(),
      'GET /api/v1/commitments/export': asAdmin({ query: 'format=csv&lead=ILO' }),
      'GET /api/v1/commitments/{idOrCode}': { prepare: async () => ({ params: { idOrCode: readCode }, token: admin.token }) },
      'GET /api/v1/commitments/{idOrCode}/history': { prepare: async () => ({ params: { idOrCode: readCode }, token: admin.token }) },
      'GET /api/v1/commitments/{idOrCode}/progress-reports': {
        prepare: async () => ({ params: { idOrCode: readCode }, token: admin.token }),
      },
      'PATCH /api/v1/commitments/{idOrCode}': onCommitment(fresh, {}, true),
      'POST /api/v1/commitments/{idOrCode}/transitions': onCommitment(fresh, { to: 'accepted' }, true),
      'PUT /api/v1/commitments/{idOrCode}/owners': onCommitment(fresh, { lead: 'ILO', supporting: ['IOM'] }, true),
      'PUT /api/v1/commitments/{idOrCode}/due-date': onCommitment(fresh, { dueDate: '2015-01-15' }, true),
      'POST /api/v1/commitments/{idOrCode}/progress-reports': {
        prepare: async () => ({
          params: { idOrCode: reportedOn },
          body: {
            period: 2014,
            agency: 'ILO',
            summary: 'Did things.',
            evidenceUrls: ['https://example.org/report'],
            indicators: [{ name: 'countries reached', value: 3, unit: 'countries', asOf: '2014-12-31' }],
          },
          token: admin.token,
        }),
      },
      'POST /api/v1/commitments/{idOrCode}/extension-requests': onCommitment(
        withDueDate,
        { dueDate: '2016-06-30', reason: 'Funding arrived late' },
        false,
      ),
      'POST /api/v1/commitments/{idOrCode}/extension-requests/{requestId}/decision': onCommitment(
        pending,
        { decision: 'decline', comment: 'No.' },
        false,
      ),
      'GET /api/v1/stats/status': asAdmin({ query: 'by=agency' }),
      'POST /api/v1/reporting-cycles': {
        prepare: async () => ({ body: { year: cycleYear, opensAt: `${cycleYear}-11-01` }, token: admin.token }),
        spent: () => {
          do cycleYear -= 1;
          while (notCycleYear.has(cycleYear));
        },
      },
      'GET /api/v1/reporting-cycles': asAdmin(),
      'GET /api/v1/reporting-cycles/{year}': asAdmin({ params: { year: '2096' } }),
      'PATCH /api/v1/reporting-cycles/{year}': {
        prepare: async () => {
          const current = await api.http.get('/api/v1/reporting-cycles/2096').expect(200);
          return { params: { year: '2096' }, body: {}, ifMatch: current.headers.etag, token: admin.token };
        },
      },
      'GET /api/v1/reporting-cycles/{year}/compliance': asAdmin({ params: { year: '2096' } }),
      'GET /api/v1/me/notifications': asAdmin(),
      'POST /api/v1/me/notifications/{id}/read': asAdmin({ params: { id: randomUUID() } }),
      'POST /api/v1/me/notifications/read-all': asAdmin(),
      'GET /api/v1/me/agenda': asAdmin(),
      'GET /api/v1/admin/notifications': asAdmin({ query: 'status=failed' }),
      'POST /api/v1/admin/notifications/{id}/retry': asAdmin({ params: { id: randomUUID() } }),
      'POST /api/v1/annual-summaries': asAdmin({ body: { year: 2014 } }),
      'GET /api/v1/annual-summaries/{year}': asAdmin({ params: { year: '2014' } }),
      'GET /api/v1/annual-summaries/{year}/{versionFile}': asAdmin({ params: { year: '2014', versionFile: '1' } }),
    };
    for (const [key, fixture] of Object.entries(table)) fixtures.set(key, fixture);
  }

  /** Every documented operation, as `METHOD /path/{param}`. */
  const operations = (): Array<{ key: string; method: Method; path: string; operation: OpenApiOperation }> =>
    Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, operation]) => ({
        key: `${method.toUpperCase()} ${path}`,
        method: method as Method,
        path,
        operation,
      })),
    );
  const isWrite = (method: Method) => method !== 'get';

  /** Sends one request and checks the invariants; returns what came back. */
  async function attempt(
    label: string,
    method: Method,
    openApiPath: string,
    target: Target,
    hostile: { params?: Record<string, string>; query?: string; body?: { type: string; payload: string | Buffer }; ifMatch?: string },
    fixture?: Fixture,
  ): Promise<Outcome | null> {
    const params = { ...target.params, ...hostile.params };
    let url = openApiPath.replace(/\{([^}]+)\}/g, (_, name: string) => params[name] ?? encodeURIComponent(String(name)));
    const query = hostile.query ?? target.query;
    if (query) url += `?${query}`;
    let req = request(base)[method](url);
    if (target.token) req = req.set('Authorization', `Bearer ${target.token}`);
    const ifMatch = hostile.ifMatch ?? target.ifMatch;
    if (ifMatch !== undefined) req = req.set('If-Match', ifMatch);
    const body = hostile.body ?? (target.body ? { type: 'application/json', payload: JSON.stringify(target.body) } : undefined);
    if (body) req = req.set('Content-Type', body.type).send(body.payload);

    const before = known ?? (await fingerprint());
    sent += 1;
    let res: request.Response;
    try {
      res = await req;
    } catch (error) {
      failures.push(`${label}: no answer (${(error as Error).message})`);
      known = null;
      return null;
    }
    statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
    const contentType = String(res.headers['content-type'] ?? '');
    const wrong: string[] = [];
    if (res.status >= 500) wrong.push(`${res.status} ${JSON.stringify(res.body)?.slice(0, 200)}`);
    if (res.status >= 400 && !contentType.startsWith('application/problem+json')) {
      wrong.push(`${res.status} as ${contentType || 'no content type'}: ${(res.text ?? '').slice(0, 120)}`);
    }
    if (!res.headers['x-request-id']) wrong.push(`${res.status} without X-Request-Id`);
    else if (res.status >= 400 && res.body?.requestId !== res.headers['x-request-id'])
      wrong.push(`${res.status}: requestId is not X-Request-Id`);
    if (res.headers['x-content-type-options'] !== 'nosniff') wrong.push(`${res.status} without the security headers`);
    if (res.status !== 431) {
      const operation = (doc as unknown as OpenApiDocument).paths[openApiPath][method] as Operation;
      wrong.push(...answerMismatches(doc as unknown as OpenApiDocument, operation, { status: res.status, contentType, body: res.body }));
    }
    const after = await fingerprint();
    known = after;
    if (res.status >= 300) {
      const changed = TABLES.filter((t) => before[t] !== after[t]);
      if (changed.length > 0) wrong.push(`${res.status} but wrote to ${changed.join(', ')}`);
    } else {
      fixture?.spent?.(target);
    }
    if (wrong.length > 0) failures.push(`${label}: ${wrong.join('; ')}`);
    return { status: res.status, contentType };
  }

  /** JSON text of `base` with `value` at `path` (a RawJson value goes in as its text). */
  function bodyWith(base: Record<string, unknown>, path: Array<string | number>, value: unknown): string {
    const body = structuredClone(base) as Record<string | number, unknown>;
    let node: Record<string | number, unknown> = body;
    for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
    const placeholder = `__raw_${randomUUID()}__`;
    node[path[path.length - 1]] = value instanceof RawJson ? placeholder : value;
    const text = JSON.stringify(body);
    return value instanceof RawJson ? text.replace(`"${placeholder}"`, value.text) : text;
  }

  /** The schema of the field at `path` (array indices step into items). */
  function schemaAt(schema: Schema | undefined, path: Array<string | number>): Schema | undefined {
    let node = resolve(schema);
    for (const key of path) node = resolve(typeof key === 'number' ? node?.items : node?.properties?.[key]);
    return node;
  }

  /** Every field path of a body schema that the base body can reach: top-level fields, array items, items' fields. */
  function fieldPaths(schema: Schema | undefined, base: Record<string, unknown>): Array<Array<string | number>> {
    const paths: Array<Array<string | number>> = [];
    for (const [name, property] of Object.entries(resolve(schema)?.properties ?? {})) {
      paths.push([name]);
      const present = base[name];
      if (!Array.isArray(present) || present.length === 0) continue;
      paths.push([name, 0]);
      const item = resolve(property.items);
      if (item?.properties && typeof present[0] === 'object') {
        for (const sub of Object.keys(item.properties)) paths.push([name, 0, sub]);
      }
    }
    return paths;
  }

  it('every route the app serves is documented and has a fixture here', () => {
    const documented = new Set(operations().map((o) => `${o.method.toUpperCase()} ${fastifyPath(o.path)}`));
    const served = servedRoutes(api.app).filter((r) => !r.path.startsWith('/api/docs'));
    expect(served.length).toBeGreaterThan(30);
    expect(served.map((r) => `${r.method} ${r.path}`).filter((r) => !documented.has(r))).toEqual([]);
    expect(
      operations()
        .map((o) => o.key)
        .filter((key) => !fixtures.has(key)),
    ).toEqual([]);
  });

  it('every body field, query parameter, path parameter and If-Match of every route: no 5xx, problem+json, nothing written', async () => {
    for (const { key, method, path, operation } of operations()) {
      const fixture = fixtures.get(key)!;
      const schema = operation.requestBody?.content['application/json']?.schema;

      // each field of the body, at every depth the schema has
      if (isWrite(method) && schema) {
        for (const field of fieldPaths(schema, (await fixture.prepare()).body ?? {})) {
          for (const { label, value } of valuesFor(field, schemaAt(schema, field))) {
            const target = await fixture.prepare();
            const payload = bodyWith(target.body ?? {}, field, value);
            await attempt(
              `${key} ${field.join('.')}=${label}`,
              method,
              path,
              target,
              { body: { type: 'application/json', payload } },
              fixture,
            );
          }
        }
      }
      // the whole body, signed in and anonymous
      if (isWrite(method)) {
        for (const { label, type, payload } of WHOLE_BODIES) {
          const target = await fixture.prepare();
          await attempt(`${key} body ${label}`, method, path, target, { body: { type, payload } }, fixture);
          if (ANONYMOUS_BODIES.includes(label)) {
            await attempt(`${key} anonymous body ${label}`, method, path, { ...target, token: undefined }, { body: { type, payload } });
          }
        }
      }
      // each query parameter (and, with the text values, one the route does not know), alone, twice, beside the valid ones
      const names = [...(operation.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name), 'zzz'];
      for (const name of names) {
        for (const { label, value } of name === 'zzz'
          ? QUERY_VALUES.filter((v) => UNKNOWN_PARAMETER_VALUES.includes(String(v.value)))
          : QUERY_VALUES) {
          const target = await fixture.prepare();
          const valid = target.query ? `${target.query}&` : '';
          await attempt(`${key} ?${name}=${label}`, method, path, target, { query: `${valid}${name}=${value}` }, fixture);
        }
        const target = await fixture.prepare();
        await attempt(`${key} ?${name} twice`, method, path, target, { query: `${name}=a&${name}=b` }, fixture);
      }
      // each path parameter
      for (const [, name] of path.matchAll(/\{([^}]+)\}/g)) {
        for (const { label, value } of PATH_VALUES) {
          const target = await fixture.prepare();
          await attempt(`${key} {${name}}=${label}`, method, path, target, { params: { [name]: String(value) } }, fixture);
        }
      }
      // If-Match: only a strong ETag of the current version may let a write through (RFC 9110 strong comparison)
      if (isWrite(method) && (await fixture.prepare()).ifMatch) {
        const version = Number(/\d+/.exec((await fixture.prepare()).ifMatch!)![0]);
        for (const value of IF_MATCH_VALUES(version)) {
          const target = await fixture.prepare();
          const outcome = await attempt(`${key} If-Match: ${value}`, method, path, target, { ifMatch: value }, fixture);
          if (outcome && outcome.status < 300) failures.push(`${key} If-Match: ${value}: ${outcome.status}, taken as a match`);
        }
      }
    }
    expect({ failures: failures.length, first: failures.slice(0, 80) }).toEqual({ failures: 0, first: [] });
  }, 300_000);

  it('values drawn by fast-check (any UTF-16 code unit, any JSON) in random fields and parameters: same invariants', async () => {
    failures.length = 0;
    // any UTF-16 code unit, lone surrogates and controls included, with a bias towards the ones that break things
    const codeUnit = fc.oneof(
      fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
      fc.constantFrom('\u0000', '\ud800', '\udfff', '\u001b', '\u007f', '\t', 'a', 'Z', '1', '-', ' '),
    );
    const text = fc.string({ unit: codeUnit, maxLength: 16 });
    const json = fc.oneof(text, fc.jsonValue({ stringUnit: codeUnit, maxDepth: 3 }), fc.integer(), fc.double(), fc.constant(null));
    const writes = operations().filter((o) => isWrite(o.method) && o.operation.requestBody);
    const fieldCases = await Promise.all(
      writes.map(async (o) => {
        const base = (await fixtures.get(o.key)!.prepare()).body ?? {};
        return fieldPaths(o.operation.requestBody!.content['application/json'].schema, base).map((field) => ({ ...o, field }));
      }),
    );
    const queryCases = operations().flatMap((o) =>
      (o.operation.parameters ?? []).filter((p) => p.in === 'query').map((p) => ({ ...o, name: p.name })),
    );

    for (const [c, value] of fc.sample(fc.tuple(fc.constantFrom(...fieldCases.flat()), json), { seed: 20131003, numRuns: 300 })) {
      const fixture = fixtures.get(c.key)!;
      const target = await fixture.prepare();
      const payload = bodyWith(target.body ?? {}, c.field, value);
      await attempt(
        `${c.key} ${c.field.join('.')}=${JSON.stringify(value)}`,
        c.method,
        c.path,
        target,
        { body: { type: 'application/json', payload } },
        fixture,
      );
    }
    for (const [c, value] of fc.sample(fc.tuple(fc.constantFrom(...queryCases), text), { seed: 20131003, numRuns: 100 })) {
      const fixture = fixtures.get(c.key)!;
      const target = await fixture.prepare();
      const valid = target.query ? `${target.query}&` : '';
      await attempt(
        `${c.key} ?${c.name}=${JSON.stringify(value)}`,
        c.method,
        c.path,
        target,
        { query: `${valid}${c.name}=${percentEncoded(value)}` },
        fixture,
      );
    }
    expect({ failures: failures.length, first: failures.slice(0, 80) }).toEqual({ failures: 0, first: [] });
  }, 120_000);
});
