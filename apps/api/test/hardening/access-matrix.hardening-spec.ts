import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Reflector } from '@nestjs/core';
import { ACCESS_POLICY_KEY, type AccessPolicy } from '@luoshi/server/platform';
import { importFixturePlan, insertTask } from '../fixtures';
import { DEMO_PASSWORD, startTestApp, type TestApp } from '../test-app';
import { ACCESS_MATRIX, type Answer, CALLERS, type Cell } from './access-matrix';
import { type OpenApiDocument, operationsOf } from './corpus';
import { ROLE_USERS, sendRequest } from './harness';
import { nestRoutes } from './nest-routes';

const RANDOM_ID = '0b6f5a52-3f7e-4d7e-9a51-6d0c1e2f3a4b';

function classify(status: number, scoped: boolean): Answer {
  if (status === 401) return 'unauthenticated';
  if (status === 403) return 'deny';
  if (scoped && status === 404) return 'hidden';
  return 'allow';
}

function matches(expected: Answer, status: number): boolean {
  if (expected === 'unauthenticated') return status === 401;
  if (expected === 'deny') return status === 403;
  if (expected === 'hidden') return status === 403 || status === 404;
  return status !== 401 && status !== 403 && status < 500;
}

const cellOf = (cell: Cell, side: 0 | 1): Answer => (Array.isArray(cell) ? cell[side] : cell);

/**
 * The access matrix as data (access-matrix.ts): every route of the OpenAPI document × every
 * caller × a subject of the caller's own department and of another one. A route without a row
 * fails. Department users are in jtt ("own" = a task led by jtt, "other" = one led by hz);
 * task ids are the department-scoped subjects; other ids are random (the answer is then the
 * role check's). Write routes get an empty body: the guard answers before validation.
 * LUOSHI_MATRIX_WRITE=1 writes the observed matrix to tmp/hardening/access-matrix.observed.json.
 */
describe('Access matrix (every route × role × own/other department)', () => {
  let t: TestApp;
  let doc: OpenApiDocument;
  const ids = { own: '', other: '' };
  const tokens = new Map<string, string>();
  async function signIn(caller: keyof typeof ROLE_USERS): Promise<void> {
    const res = await t.http().post('/api/auth/login').send({ username: ROLE_USERS[caller], password: DEMO_PASSWORD });
    if (res.status !== 200) throw new Error(`login ${caller}: ${res.status}`);
    tokens.set(caller, `Bearer ${res.body.accessToken}`);
  }

  beforeAll(async () => {
    t = await startTestApp();
    doc = (await t.http().get('/api/docs-json').expect(200)).body as OpenApiDocument;
    const fixture = await importFixturePlan(t, 2);
    ids.own = await insertTask(t, { planId: fixture.planId, measureId: fixture.measureIds[0], code: 'ACM-OWN', leadCode: 'jtt', dueDate: '2027-12-31' });
    ids.other = await insertTask(t, { planId: fixture.planId, measureId: fixture.measureIds[1], code: 'ACM-OTHER', leadCode: 'hz', dueDate: '2027-12-31' });
  });
  afterAll(() => t?.close());

  const routeKey = (method: string, path: string) => `${method.toUpperCase()} ${path}`;

  it('has exactly one row per route of the OpenAPI document, and the document lists every Nest route', () => {
    const routes = operationsOf(doc).map((op) => routeKey(op.method, op.path));
    expect(routes.filter((r) => !(r in ACCESS_MATRIX))).toEqual([]);
    expect(Object.keys(ACCESS_MATRIX).filter((r) => !routes.includes(r))).toEqual([]);
    // Nest's own route list: a route hidden from the document would escape the matrix.
    expect(nestRoutes(t.app).map((r) => r.key).filter((k) => !routes.includes(k))).toEqual([]);
  });

  it('agrees with each route’s declared policy (@Public / @Authenticated / @AllowRoles)', () => {
    const reflector = t.app.get(Reflector);
    const problems: string[] = [];
    for (const route of nestRoutes(t.app)) {
      const row = ACCESS_MATRIX[route.key];
      if (!row) continue; // the first test reports missing rows
      const policy = reflector.getAllAndOverride<AccessPolicy>(ACCESS_POLICY_KEY, [route.handler, route.controller]);
      if (policy?.kind !== 'public' && row.anonymous !== 'unauthenticated') problems.push(`${route.key}: anonymous must be unauthenticated`);
      if (policy?.kind === 'roles') {
        for (const role of Object.keys(ROLE_USERS) as (keyof typeof ROLE_USERS)[]) {
          if (!policy.roles.includes(role) && (cellOf(row[role], 0) !== 'deny' || cellOf(row[role], 1) !== 'deny')) problems.push(`${route.key}: ${role} is not in @AllowRoles but the matrix lets it in`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('answers every route × caller × department as the matrix says', async () => {
    const observed: Record<string, Record<string, Cell>> = {};
    const wrong: string[] = [];
    let requests = 0;
    for (const role of Object.keys(ROLE_USERS) as (keyof typeof ROLE_USERS)[]) await signIn(role);
    for (const op of operationsOf(doc)) {
      const key = routeKey(op.method, op.path);
      const scoped = op.method === 'get' && /^\/api\/tasks\/\{(id|taskId)\}/.test(op.path);
      observed[key] = {};
      for (const caller of CALLERS) {
        const answers: Answer[] = [];
        for (const side of [0, 1] as const) {
          const id = side === 0 ? ids.own : ids.other;
          const url = op.path.replace(/\{([^}]+)\}/g, (_, name: string) => (scoped && (name === 'id' || name === 'taskId') ? id : name === 'planId' || name === 'scopeId' ? RANDOM_ID : RANDOM_ID));
          const res = await sendRequest(t, {
            method: op.method,
            url,
            token: caller === 'anonymous' ? undefined : tokens.get(caller),
            body: op.method !== 'get' && op.method !== 'delete' ? '{}' : undefined,
          });
          requests += 1;
          // Logout (and the like) ends the caller's session: sign in again for the next request.
          if (caller !== 'anonymous' && op.path.startsWith('/api/auth/') && res.status < 400) await signIn(caller);
          answers.push(classify(res.status, scoped && side === 1));
          const expected = ACCESS_MATRIX[key]?.[caller];
          if (expected !== undefined && !matches(cellOf(expected, side), res.status)) {
            wrong.push(`${key} as ${caller} (${side === 0 ? 'own' : 'other'} department): expected ${cellOf(expected, side)}, got ${res.status}`);
          }
          if (res.status >= 500) wrong.push(`${key} as ${caller}: ${res.status}`);
        }
        observed[key][caller] = answers[0] === answers[1] ? answers[0] : [answers[0], answers[1]];
      }
    }
    if (process.env['LUOSHI_MATRIX_WRITE'] === '1') writeFileSync(join(__dirname, '../../../../tmp/hardening/access-matrix.observed.json'), JSON.stringify(observed, null, 1));
    console.log(`[hardening] access matrix: ${Object.keys(observed).length} routes × ${CALLERS.length} callers × 2 departments = ${requests} requests, ${wrong.length} unexpected`);
    expect(wrong).toEqual([]);
  });
});
