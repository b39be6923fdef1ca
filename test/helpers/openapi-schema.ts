/** The parts of an OpenAPI 3.0 document the tests read. */
export interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  nullable?: boolean;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  allOf?: Schema[];
  oneOf?: Schema[];
  additionalProperties?: boolean | Schema;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  example?: unknown;
}

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: Schema;
  example?: unknown;
}

export interface Response {
  description: string;
  content?: Record<string, { schema?: Schema }>;
}

export interface Operation {
  operationId: string;
  summary?: string;
  tags?: string[];
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: Schema }> };
  responses: Record<string, Response | { $ref: string }>;
  security?: Array<Record<string, string[]>>;
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components: {
    schemas: Record<string, Schema>;
    responses?: Record<string, Response>;
    securitySchemes: Record<string, { type: string; in?: string; name?: string }>;
  };
}

/** An operation's answer for a status, following a reference to a shared one (`#/components/responses/NotFound`). */
export function responseOf(doc: OpenApiDocument, operation: Operation, status: string): Response | undefined {
  const response = operation.responses[status];
  if (response && '$ref' in response) return doc.components.responses?.[response.$ref.split('/').pop()!];
  return response;
}

/** `#/components/schemas/X` → its schema; `allOf: [ref]` (how a nullable reference is written) → the referenced one. */
export function resolve(doc: OpenApiDocument, schema: Schema | undefined): Schema | undefined {
  if (!schema) return undefined;
  if (schema.$ref) return resolve(doc, doc.components.schemas[schema.$ref.split('/').pop()!]);
  if (schema.allOf?.length === 1) return { ...resolve(doc, schema.allOf[0]), nullable: schema.nullable };
  return schema;
}

const FORMATS: Record<string, RegExp> = {
  'date-time': /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/,
  date: /^\d{4}-\d{2}-\d{2}$/,
  uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
};

/**
 * Where `value` disagrees with `schema` (empty when it fits): types, formats, enums, required and nullable members,
 * and members the schema does not name (an answer with an undocumented member is a document that is not complete).
 */
export function schemaMismatches(doc: OpenApiDocument, schema: Schema | undefined, value: unknown, at = '$'): string[] {
  const s = resolve(doc, schema);
  if (!s) return [`${at}: no schema`];
  if (value === null) return s.nullable ? [] : [`${at}: null, not nullable`];
  if (s.oneOf) {
    const fits = s.oneOf.filter((option) => schemaMismatches(doc, option, value, at).length === 0);
    return fits.length > 0 ? [] : [`${at}: fits none of oneOf`];
  }
  if (s.enum && !s.enum.includes(value)) return [`${at}: ${JSON.stringify(value)} is not one of ${JSON.stringify(s.enum)}`];
  switch (s.type) {
    case 'integer':
      return Number.isInteger(value) ? [] : [`${at}: ${JSON.stringify(value)} is not an integer`];
    case 'number':
      return typeof value === 'number' ? [] : [`${at}: ${JSON.stringify(value)} is not a number`];
    case 'boolean':
      return typeof value === 'boolean' ? [] : [`${at}: ${JSON.stringify(value)} is not a boolean`];
    case 'string':
      if (typeof value !== 'string') return [`${at}: ${JSON.stringify(value)} is not a string`];
      return s.format && FORMATS[s.format] && !FORMATS[s.format].test(value) ? [`${at}: "${value}" is not a ${s.format}`] : [];
    case 'array':
      if (!Array.isArray(value)) return [`${at}: not an array`];
      return value.flatMap((item, i) => schemaMismatches(doc, s.items, item, `${at}[${i}]`));
    case 'object':
    case undefined: {
      if (typeof value !== 'object' || Array.isArray(value)) return [`${at}: not an object`];
      const record = value as Record<string, unknown>;
      const problems = (s.required ?? []).filter((name) => !(name in record)).map((name) => `${at}.${name}: required, absent`);
      for (const [name, member] of Object.entries(record)) {
        const property = s.properties?.[name];
        if (property) problems.push(...schemaMismatches(doc, property, member, `${at}.${name}`));
        else if (!s.additionalProperties) problems.push(`${at}.${name}: not in the schema`);
      }
      return problems;
    }
    default:
      return [`${at}: unknown type ${s.type}`];
  }
}

/**
 * Where an answer disagrees with what the document declares for its operation: an undeclared status or media
 * type, or a JSON body that does not fit the declared schema. A 204 and non-JSON bodies (files) are not read.
 */
export function answerMismatches(
  doc: OpenApiDocument,
  operation: Operation,
  answer: { status: number; contentType: string; body: unknown },
): string[] {
  const declared = responseOf(doc, operation, String(answer.status));
  if (!declared) return [`${answer.status} is not declared`];
  const media = answer.contentType.split(';')[0];
  if (answer.status === 204 || !media.endsWith('json')) return [];
  const schema = declared.content?.[media]?.schema;
  if (!schema) return [`${answer.status} as ${media} is not declared`];
  return schemaMismatches(doc, schema, answer.body).map((m) => `${answer.status}: ${m}`);
}
