import { randomUUID } from 'node:crypto';
import { ModulesContainer } from '@nestjs/core';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants.js';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum.js';
import { getMetadataStorage, ValidationTypes } from 'class-validator';
import request from 'supertest';
import { aCommitment } from '../helpers/factories.js';
import { fastifyPath, servedRoutes } from '../helpers/route-table.js';
import {
  answerMismatches,
  resolve,
  responseOf,
  schemaMismatches,
  type OpenApiDocument,
  type Operation,
  type Parameter,
  type Schema,
} from '../helpers/openapi-schema.js';
import { startTestApi, type SignedIn, type TestApi } from '../helpers/test-api.js';

/**
 * The OpenAPI document (what the web app's client is generated from) against the API itself: every route Fastify
 * serves is documented, and what the document says of it is what the route does — its parameters and body are the
 * request classes the route validates with, it declares security exactly when it answers 401 without a credential,
 * every status it answers in a small probe (no credentials, a viewer, a bad parameter) is declared, and what it
 * answers on success fits the declared schema. A route added without `@Endpoint` fails here.
 */

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

interface Documented {
  key: string;
  method: Method;
  path: string;
  operation: Operation;
}

/** What a probe sent, and what came back. */
interface Answer {
  status: number;
  contentType: string;
  body: unknown;
  label: string;
}

describe('The OpenAPI document', () => {
  let api: TestApi;
  let doc: OpenApiDocument;
  let viewer: SignedIn;
  let commitmentCode: string;
  let base: string;

  const operations = (): Documented[] =>
    Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.entries(item).map(([method, operation]) => ({
        key: `${method.toUpperCase()} ${path}`,
        method: method as Method,
        path,
        operation,
      })),
    );
  const isSecured = (operation: Operation) => (operation.security?.length ?? 0) > 0;
  const isWrite = (method: Method) => method !== 'get';

  beforeAll(async () => {
    api = await startTestApi();
    await api.app.listen(0, '127.0.0.1');
    base = await api.app.getUrl();
    doc = (await api.anonymous.get('/api/docs/json').expect(200)).body;
    viewer = await api.signIn('viewer');
    commitmentCode = (await api.http.post('/api/v1/commitments').send(aCommitment()).expect(201)).body.code;
  });
  afterAll(() => api?.close());

  it('documents every route the app serves, and only those', () => {
    const documented = operations().map((o) => `${o.method.toUpperCase()} ${fastifyPath(o.path)}`);
    const served = servedRoutes(api.app)
      .filter((r) => !r.path.startsWith('/api/docs'))
      .map((r) => `${r.method} ${r.path}`);
    expect(served.length).toBeGreaterThan(30);
    expect({
      undocumented: served.filter((r) => !documented.includes(r)),
      notServed: documented.filter((r) => !served.includes(r)),
    }).toEqual({
      undocumented: [],
      notServed: [],
    });
  });

  it('gives every operation a summary, a tag, a success answer with its schema, and problem+json for its errors', () => {
    const problems: string[] = [];
    for (const { key, operation } of operations()) {
      if (!operation.summary?.trim()) problems.push(`${key}: no summary`);
      else if (operation.summary.includes('\n')) problems.push(`${key}: the summary is more than one line`);
      if (!operation.tags?.length) problems.push(`${key}: no tag`);
      const statuses = Object.keys(operation.responses);
      const successes = statuses.filter((s) => /^2\d\d$/.test(s));
      if (successes.length !== 1) problems.push(`${key}: ${successes.length} success statuses (${successes.join(', ')})`);
      for (const status of successes) {
        const content = responseOf(doc, operation, status)?.content;
        if (status === '204') {
          if (content) problems.push(`${key}: 204 with a body`);
        } else if (!content || Object.values(content).some((c) => !c.schema)) {
          problems.push(`${key}: ${status} without a schema`);
        }
      }
      for (const status of statuses.filter((s) => Number(s) >= 400)) {
        const schema = responseOf(doc, operation, status)?.content?.['application/problem+json']?.schema;
        if (schema?.$ref !== '#/components/schemas/ProblemResponse') problems.push(`${key}: ${status} is not problem+json`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('declares every path parameter, with its type, and no other', () => {
    const problems: string[] = [];
    for (const { key, path, operation } of operations()) {
      const inPath = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
      const declared = (operation.parameters ?? []).filter((p) => p.in === 'path');
      for (const name of inPath) {
        const parameter = declared.find((p) => p.name === name);
        if (!parameter) problems.push(`${key}: {${name}} not declared`);
        else if (!parameter.required) problems.push(`${key}: {${name}} not required`);
        else if (!resolve(doc, parameter.schema)?.type) problems.push(`${key}: {${name}} has no type`);
      }
      for (const parameter of declared.filter((p) => !inPath.includes(p.name)))
        problems.push(`${key}: {${parameter.name}} is not in the path`);
      for (const parameter of (operation.parameters ?? []).filter((p) => p.in === 'query')) {
        if (!resolve(doc, parameter.schema)?.type) problems.push(`${key}: ?${parameter.name} has no type`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('describes every request body and query as the request class the route validates it with', () => {
    const problems: string[] = [];
    for (const { key, operation, method } of operations()) {
      const validated = validatedArguments(operation.operationId);
      const bodySchema = operation.requestBody?.content['application/json']?.schema;
      if (validated.body && !bodySchema) problems.push(`${key}: reads a ${validated.body.name} body, documents none`);
      if (!validated.body && bodySchema) problems.push(`${key}: documents a body it does not read`);
      if (validated.body && bodySchema) {
        const schema = resolve(doc, bodySchema)!;
        for (const [name, rules] of rulesOf(validated.body)) {
          const property = schema.properties?.[name];
          if (!property) {
            problems.push(`${key}: body field ${name} is not documented`);
            continue;
          }
          problems.push(...disagreements(`${key}: body field ${name}`, rules, property, schema.required?.includes(name) ?? false));
        }
        for (const name of Object.keys(schema.properties ?? {})) {
          if (!rulesOf(validated.body).has(name)) problems.push(`${key}: body field ${name} is documented but refused (no rule)`);
        }
      }
      for (const [location, type] of [
        ['query', validated.query],
        ['path', validated.params],
      ] as const) {
        if (!type) continue;
        const parameters = (operation.parameters ?? []).filter((p) => p.in === location);
        for (const [name, rules] of rulesOf(type)) {
          const parameter = parameters.find((p) => p.name === name);
          if (!parameter) problems.push(`${key}: ${location} parameter ${name} is not documented`);
          else
            problems.push(
              ...disagreements(`${key}: ${location} parameter ${name}`, rules, parameter.schema ?? {}, parameter.required ?? false),
            );
        }
      }
      if (isWrite(method) && !validated.body && operation.requestBody) problems.push(`${key}: documents a body`);
    }
    expect(problems).toEqual([]);
  });

  it('declares security on exactly the routes that answer 401 without a credential: bearer and the session cookie', async () => {
    const wrong: string[] = [];
    for (const { key, method, path, operation } of operations()) {
      const answer = await send(method, path, operation, {});
      if (isSecured(operation) !== (answer.status === 401)) {
        wrong.push(
          `${key}: ${isSecured(operation) ? 'declares security' : 'declares none'} but answers ${answer.status} without a credential`,
        );
      }
      if (isSecured(operation)) {
        const schemes = (operation.security ?? []).flatMap((requirement) => Object.keys(requirement)).sort();
        if (schemes.join() !== 'bearer,session') wrong.push(`${key}: security ${schemes.join()}, not bearer or session`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it("names the web app's session cookie as the API sets it, and every secured route accepts it", async () => {
    const scheme = doc.components.securitySchemes.session;
    expect(scheme).toMatchObject({ type: 'apiKey', in: 'cookie' });
    // outside localhost the cookie carries its secure name (the document's); on localhost, the other one it names
    const signIn = await api.anonymous
      .post('/api/v1/auth/session')
      .set('Host', 'tracker.example.org')
      .set('X-Requested-With', 'test')
      .send({ email: viewer.user.email, password: viewer.password })
      .expect(200);
    const cookie = String(signIn.headers['set-cookie']).split(';')[0];
    expect(cookie.split('=')[0]).toBe(scheme.name);

    const refused: string[] = [];
    for (const { key, method, path, operation } of operations().filter(
      (o) => isSecured(o.operation) && o.key !== 'POST /api/v1/auth/logout',
    )) {
      const answer = await send(method, path, operation, { cookie, csrf: true });
      if (answer.status === 401) refused.push(`${key}: 401 with the session cookie`);
    }
    expect(refused).toEqual([]);
  });

  it('declares every status a route answers to no credential, a viewer and bad parameters, and success fits its schema', async () => {
    const undeclared: string[] = [];
    const misfits: string[] = [];
    let probed = 0;
    for (const { key, method, path, operation } of operations()) {
      const answers: Answer[] = [
        await send(method, path, operation, {}),
        await send(method, path, operation, { token: await viewerToken() }),
      ];
      for (const parameter of operation.parameters ?? []) {
        if (parameter.in !== 'path' && parameter.in !== 'query') continue;
        const bad = badValue(parameter);
        const answer = await send(method, path, operation, { token: await viewerToken(), override: { [parameter.name]: bad.value } });
        answers.push(answer);
        if (bad.invalid && answer.status < 400) misfits.push(`${key}: ${answer.label} answered ${answer.status}`);
      }
      for (const answer of answers) {
        probed += 1;
        for (const mismatch of answerMismatches(doc, operation, answer)) {
          (mismatch.endsWith('is not declared') ? undeclared : misfits).push(`${key}: ${answer.label}: ${mismatch}`);
        }
      }
    }
    expect(probed).toBeGreaterThan(100);
    expect({ undeclared, misfits }).toEqual({ undeclared: [], misfits: [] });
  }, 60_000);

  it('reads a list query parameter as the generated client sends it: the parameter repeated', async () => {
    const lists = operations().flatMap(({ key, method, path, operation }) =>
      (operation.parameters ?? [])
        .filter((p) => p.in === 'query' && resolve(doc, p.schema)?.type === 'array')
        .map((parameter) => ({ key, method, path, operation, parameter })),
    );
    expect(lists.length).toBeGreaterThan(0);
    const refused: string[] = [];
    for (const { key, method, path, operation, parameter } of lists) {
      const items = (resolve(doc, parameter.schema)?.items?.enum ?? ['x']).slice(0, 2).map(String);
      const answer = await send(method, path, operation, { token: await viewerToken(), repeat: { [parameter.name]: items } });
      if (answer.status !== 200) refused.push(`${key}: ?${parameter.name}=${items.join(`&${parameter.name}=`)} answered ${answer.status}`);
    }
    expect(refused).toEqual([]);
  });

  /** The viewer's token; signed in again after a probe ended its session (POST /auth/logout does). */
  async function viewerToken(): Promise<string> {
    const me = await request(base).get('/api/v1/me').set('Authorization', `Bearer ${viewer.token}`);
    if (me.status !== 200) viewer = await api.signIn('viewer');
    return viewer.token;
  }

  /** A plausible value for a parameter: the test's own commitment, or what its schema says. */
  function plausible(parameter: Parameter): string | undefined {
    if (parameter.name === 'idOrCode') return commitmentCode;
    const schema = resolve(doc, parameter.schema) ?? {};
    const example = parameter.example ?? schema.example;
    if (schema.format === 'uuid') return randomUUID();
    if (schema.enum) return String(schema.enum[0]);
    if (schema.type === 'array' && schema.items?.enum) return String(schema.items.enum[0]);
    if (example !== undefined) return String(example);
    if (schema.type === 'integer' || schema.type === 'number') return String(schema.minimum ?? 1);
    if (schema.type === 'boolean') return 'true';
    if (schema.format === 'date') return '2015-01-15';
    return parameter.in === 'path' ? 'x' : undefined;
  }

  /** A value the parameter's schema refuses (invalid: the route must not succeed with it), or merely odd text. */
  function badValue(parameter: Parameter): { value: string; invalid: boolean } {
    const schema = resolve(doc, parameter.schema) ?? {};
    if (schema.type === 'integer' || schema.type === 'number') return { value: 'abc', invalid: true };
    if (schema.type === 'boolean') return { value: 'maybe', invalid: true };
    if (schema.enum || schema.items?.enum) return { value: 'nope', invalid: true };
    if (schema.format === 'uuid') return { value: 'not-a-uuid', invalid: true };
    if (schema.format === 'date' || schema.format === 'date-time') return { value: '2014-02-30', invalid: true };
    if (schema.pattern) return { value: 'not%20valid', invalid: true };
    return { value: 'not%20valid', invalid: false };
  }

  /** One request: plausible parameters (some overridden), an empty JSON body on writes, and the credential given. */
  async function send(
    method: Method,
    path: string,
    operation: Operation,
    options: { token?: string; cookie?: string; csrf?: boolean; override?: Record<string, string>; repeat?: Record<string, string[]> },
  ): Promise<Answer> {
    const parameters = operation.parameters ?? [];
    const valueOf = (p: Parameter) => options.override?.[p.name] ?? (p.in === 'path' || p.required ? plausible(p) : undefined);
    const url = path.replace(
      /\{([^}]+)\}/g,
      (_, name: string) => valueOf(parameters.find((p) => p.name === name && p.in === 'path')!) ?? 'x',
    );
    const query = parameters
      .filter((p) => p.in === 'query')
      .flatMap((p) => {
        if (options.repeat?.[p.name]) return options.repeat[p.name].map((value) => `${p.name}=${value}`);
        const value = valueOf(p);
        return value === undefined ? [] : [`${p.name}=${value}`];
      })
      .join('&');
    let req = request(base)[method](query ? `${url}?${query}` : url);
    if (options.token) req = req.set('Authorization', `Bearer ${options.token}`);
    if (options.cookie) req = req.set('Cookie', options.cookie);
    if (options.csrf) req = req.set('X-Requested-With', 'test');
    if (isWrite(method)) req = req.set('Content-Type', 'application/json').send('{}');
    const res = await req;
    const who = options.token ? 'viewer' : options.cookie ? 'session cookie' : 'no credential';
    const label = `${who}${options.override ? ` ${Object.entries(options.override).map(([k, v]) => `${k}=${v}`)}` : ''}`;
    return { status: res.status, contentType: String(res.headers['content-type'] ?? ''), body: res.body, label };
  }

  /** The classes a route's handler validates its body, query and path parameters with (from Nest's own metadata). */
  function validatedArguments(operationId: string): { body?: Function; query?: Function; params?: Function } {
    const [controllerName, handler] = operationId.split('_');
    const controller = [...api.app.get(ModulesContainer).values()]
      .flatMap((module) => [...module.controllers.values()])
      .find((wrapper) => wrapper.metatype?.name === controllerName)?.metatype as Function | undefined;
    if (!controller) throw new Error(`no controller for ${operationId}`);
    const args: Record<string, { index: number; data?: unknown }> = Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, handler) ?? {};
    const types: Function[] = Reflect.getMetadata('design:paramtypes', controller.prototype, handler) ?? [];
    const whole = (kind: RouteParamtypes) => {
      const entry = Object.entries(args).find(([k, v]) => k.split(':')[0] === String(kind) && v.data === undefined);
      const type = entry ? types[entry[1].index] : undefined;
      return type && rulesOf(type).size > 0 ? type : undefined;
    };
    return { body: whole(RouteParamtypes.BODY), query: whole(RouteParamtypes.QUERY), params: whole(RouteParamtypes.PARAM) };
  }
});

type ValidationMetadata = ReturnType<ReturnType<typeof getMetadataStorage>['getTargetValidationMetadatas']>[number];

/** A field's validation rules, by property name. */
function rulesOf(type: Function): Map<string, ValidationMetadata[]> {
  const rules = new Map<string, ValidationMetadata[]>();
  for (const rule of getMetadataStorage().getTargetValidationMetadatas(type, '', true, false)) {
    rules.set(rule.propertyName, [...(rules.get(rule.propertyName) ?? []), rule]);
  }
  return rules;
}

const STRING_RULES = ['isString', 'matches', 'isEmail', 'isUrl', 'isNotBlank', 'isCalendarDate', 'isInstant', 'isUUID'];

/**
 * What a field's rules say and its schema does not: whether it may be left out (a condition on its validation
 * other than `@Nullable`), whether null is a value (`@Nullable`), its type (integers as integers), its enum, and for
 * lists the type of their items.
 */
function disagreements(label: string, rules: ValidationMetadata[], declared: Schema, required: boolean): string[] {
  const conditions = rules.filter((r) => r.type === ValidationTypes.CONDITIONAL_VALIDATION);
  const isNullable = (r: ValidationMetadata) => r.constraints[0]({}, null) === false && r.constraints[0]({}, undefined) === true;
  const nullable = conditions.some(isNullable);
  const omittable = conditions.some((r) => !isNullable(r));
  const problems: string[] = [];
  if (required === omittable) problems.push(`${label}: ${omittable ? 'may be left out' : 'is required'}, documented otherwise`);
  const schema = declared.allOf?.length === 1 ? { ...declared.allOf[0], nullable: declared.nullable } : declared;
  if (Boolean(schema.nullable) !== nullable) problems.push(`${label}: null is ${nullable ? '' : 'not '}a value, documented otherwise`);

  const named = (each: boolean) => rules.filter((r) => r.type === ValidationTypes.CUSTOM_VALIDATION && Boolean(r.each) === each);
  const expectation = (validators: ValidationMetadata[], nested: boolean): { type?: string; enum?: unknown[] } => {
    const names = validators.map((v) => v.name);
    const allowed = validators.find((v) => v.name === 'isIn')?.constraints[0] as unknown[] | undefined;
    if (nested) return { type: 'object' };
    if (names.includes('isInt')) return { type: 'integer' };
    if (names.includes('isNumber')) return { type: 'number' };
    if (names.includes('isBoolean')) return { type: 'boolean' };
    if (allowed) return { enum: allowed };
    if (names.some((n) => STRING_RULES.includes(n!))) return { type: 'string' };
    return {};
  };
  const nestedEach = rules.some((r) => r.type === ValidationTypes.NESTED_VALIDATION && r.each);
  const list = named(false).some((r) => r.name === 'isArray') || named(true).length > 0 || nestedEach;
  const check = (what: string, expected: { type?: string; enum?: unknown[] }, actual: Schema | undefined) => {
    const s = actual?.$ref ? { type: 'object' } : actual;
    if (expected.type && s?.type !== expected.type) problems.push(`${label}${what}: ${expected.type}, documented as ${s?.type}`);
    if (expected.enum && JSON.stringify([...(s?.enum ?? [])].sort()) !== JSON.stringify([...expected.enum].sort())) {
      problems.push(`${label}${what}: one of ${expected.enum.join('|')}, documented as ${JSON.stringify(s?.enum)}`);
    }
  };
  if (list) {
    if (schema.type !== 'array') problems.push(`${label}: a list, documented as ${schema.type}`);
    else check(' items', expectation(named(true), nestedEach), schema.items);
  } else {
    check(
      '',
      expectation(
        named(false),
        rules.some((r) => r.type === ValidationTypes.NESTED_VALIDATION),
      ),
      schema,
    );
  }
  return problems;
}
