/**
 * Hostile requests generated from the OpenAPI document: for every operation, each class of
 * hostile input below, put where the operation takes input (path ids, query, JSON body).
 */
export interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components?: { schemas?: Record<string, Schema> };
}
interface OpenApiOperation {
  operationId?: string;
  parameters?: { name: string; in: string; required?: boolean; schema?: Schema }[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
}
interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  allOf?: Schema[];
}

export interface Operation {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** OpenAPI path, e.g. /api/tasks/{id} */
  path: string;
  pathParams: string[];
  queryParams: { name: string; schema: Schema }[];
  body?: Schema;
  multipart: boolean;
}

export interface HostileRequest {
  cls: string;
  method: Operation['method'];
  route: string;
  url: string;
  /** raw JSON text (to send deep nesting and prototype keys exactly as written) */
  body?: string;
  contentType?: string;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

export function operationsOf(doc: OpenApiDocument): Operation[] {
  const ops: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const params = op.parameters ?? [];
      const content = op.requestBody?.content ?? {};
      ops.push({
        method,
        path,
        pathParams: params.filter((p) => p.in === 'path').map((p) => p.name),
        queryParams: params.filter((p) => p.in === 'query').map((p) => ({ name: p.name, schema: p.schema ?? {} })),
        body: content['application/json']?.schema,
        multipart: 'multipart/form-data' in content,
      });
    }
  }
  return ops;
}

function resolve(doc: OpenApiDocument, schema: Schema | undefined): Schema {
  if (!schema) return {};
  if (schema.$ref) return resolve(doc, doc.components?.schemas?.[schema.$ref.split('/').pop() ?? '']);
  if (schema.allOf?.length) return schema.allOf.reduce<Schema>((acc, s) => ({ ...acc, ...resolve(doc, s), properties: { ...acc.properties, ...resolve(doc, s).properties } }), {});
  return schema;
}

/** A plausible value of a schema, so that one hostile field is what makes the request bad. */
function plausible(doc: OpenApiDocument, raw: Schema | undefined, depth = 0): unknown {
  const s = resolve(doc, raw);
  if (s.enum?.length) return s.enum[0];
  if (depth > 3) return null;
  switch (s.type) {
    case 'string':
      if (s.format === 'uuid') return '6f1c2b1e-9d3a-4c55-8f0e-0a1b2c3d4e5f';
      if (s.format === 'date' || s.format === 'date-time') return '2027-03-01';
      if (s.format === 'email') return 'someone@example.org';
      return '测试';
    case 'integer':
    case 'number':
      return 1;
    case 'boolean':
      return true;
    case 'array':
      return [plausible(doc, s.items, depth + 1)];
    default: {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(s.properties ?? {})) out[k] = plausible(doc, v, depth + 1);
      return out;
    }
  }
}

function deepJson(levels: number): string {
  return '{"a":'.repeat(levels) + '1' + '}'.repeat(levels);
}

/** Values put into one field (body property, query parameter or path id) per class. */
const FIELD_VALUES: Record<string, unknown> = {
  'nul-byte': 'abc\u0000def',
  'explicit-null': null,
  'whitespace-only': ' \t\n\u3000 ',
  'malformed-email': 'not-an-@@e-mail@',
  'huge-number': 1e308,
  'far-date': '9999-12-31',
  'ancient-date': '0001-01-01',
  'wrong-type-object': { $gt: '' },
  'huge-string': 'x'.repeat(200_000),
  'unicode-bidi': '\u202Egnp.exe\u202C审批\u200F',
  'negative': -1,
  'nan-string': 'NaN',
  'infinity-string': 'Infinity',
  'sql-ish': "1' OR '1'='1'; DROP TABLE task; --",
  'oversized-array': Array.from({ length: 20_000 }, (_, i) => i),
  'array-for-object': [[{}]],
};

const PATH_VALUES: Record<string, string> = {
  'path-traversal': '../../../../etc/passwd',
  'non-uuid-id': 'not-a-uuid',
  'sql-ish': "1' OR '1'='1",
  'nul-byte': 'a\u0000b',
  'huge-number': '99999999999999999999999999',
  'negative': '-1',
  'nan-string': 'NaN',
  'unicode-bidi': '\u202Eid',
  'huge-string': 'a'.repeat(5000),
  'proto-key': '__proto__',
};

export const CLASSES = [
  ...new Set([...Object.keys(FIELD_VALUES), ...Object.keys(PATH_VALUES), 'deep-json', 'proto-pollution', 'constructor-pollution', 'huge-page', 'wrong-content-type', 'body-not-object', 'proto-query']),
].sort();

const VALID_ID = '6f1c2b1e-9d3a-4c55-8f0e-0a1b2c3d4e5f';

function urlOf(op: Operation, id: (name: string) => string, query: Record<string, string>): string {
  let url = op.path.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(id(name)));
  const qs = Object.entries(query)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .join('&');
  if (qs) url += `?${qs}`;
  return url;
}

/** Every hostile request for one operation (one per class that applies to it). */
export function hostileRequests(doc: OpenApiDocument, op: Operation): HostileRequest[] {
  const route = `${op.method.toUpperCase()} ${op.path}`;
  const out: HostileRequest[] = [];
  const base = (cls: string, url: string, body?: string, contentType?: string): HostileRequest => ({ cls, method: op.method, route, url, body, contentType });
  const hasBody = op.method !== 'get' && op.method !== 'delete';
  const bodySchema = resolve(doc, op.body);
  const plausibleBody = (op.body ? plausible(doc, op.body) : {}) as Record<string, unknown>;
  const bodyFields = Object.keys(bodySchema.properties ?? {});
  const plausibleQuery = Object.fromEntries(op.queryParams.map((q) => [q.name, String(plausible(doc, q.schema) ?? '')]));

  for (const [cls, value] of Object.entries(FIELD_VALUES)) {
    // Body: the class's value in every field at once (each field must refuse it or accept it harmlessly).
    if (hasBody && bodyFields.length > 0 && typeof plausibleBody === 'object' && !Array.isArray(plausibleBody)) {
      const body = Object.fromEntries(bodyFields.map((f) => [f, value]));
      out.push(base(cls, urlOf(op, () => VALID_ID, {}), JSON.stringify(body)));
    } else if (op.queryParams.length > 0 && typeof value !== 'object') {
      // A URL stays under the HTTP header limit (the server answers longer ones before the app sees them).
      const query = Object.fromEntries(op.queryParams.map((q) => [q.name, String(value).slice(0, 2000)]));
      out.push(base(cls, urlOf(op, () => VALID_ID, query), hasBody ? JSON.stringify(plausibleBody) : undefined));
    } else if (op.queryParams.length > 0) {
      // Objects and arrays in a query string: qs-style brackets.
      const name = op.queryParams[0].name;
      out.push(base(cls, `${urlOf(op, () => VALID_ID, plausibleQuery)}&${encodeURIComponent(`${name}[$gt]`)}=&${encodeURIComponent(`${name}[]`)}=1&${encodeURIComponent(`${name}[]`)}=2`));
    } else if (hasBody) {
      out.push(base(cls, urlOf(op, () => VALID_ID, {}), JSON.stringify({ unexpected: value })));
    }
  }
  for (const [cls, value] of Object.entries(PATH_VALUES)) {
    if (op.pathParams.length === 0) continue;
    out.push(base(`path:${cls}`, urlOf(op, () => value, plausibleQuery), hasBody ? JSON.stringify(plausibleBody) : undefined));
  }
  if (hasBody) {
    out.push(base('deep-json', urlOf(op, () => VALID_ID, {}), deepJson(20_000)));
    out.push(base('proto-pollution', urlOf(op, () => VALID_ID, {}), `{"__proto__":{"isAdmin":true,"roles":["office_admin"]},${JSON.stringify(plausibleBody).slice(1)}`));
    out.push(base('constructor-pollution', urlOf(op, () => VALID_ID, {}), JSON.stringify({ ...plausibleBody, constructor: { prototype: { polluted: 'yes' } } })));
    out.push(base('body-not-object', urlOf(op, () => VALID_ID, {}), JSON.stringify(['a', 1, null])));
    out.push(base('wrong-content-type', urlOf(op, () => VALID_ID, {}), '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>', 'application/xml'));
  }
  // Every route, whatever input it declares: unknown and prototype-polluting query keys.
  out.push(base('proto-query', `${urlOf(op, () => VALID_ID, plausibleQuery)}${op.queryParams.length ? '&' : '?'}__proto__[isAdmin]=1&constructor[prototype][polluted]=1&x%00=%00`));
  const pageParam = op.queryParams.find((q) => /page|offset|limit|size/i.test(q.name));
  if (pageParam) {
    out.push(base('huge-page', urlOf(op, () => VALID_ID, { ...plausibleQuery, [pageParam.name]: '9007199254740993' })));
  }
  return out;
}
