import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_PASSWORD, startTestApp, type TestApp } from '../test-app';
import { CLASSES, hostileRequests, type HostileRequest, type OpenApiDocument, operationsOf } from './corpus';
import { nestRoutes } from './nest-routes';
import { errorShapeProblems, sendRequest, FULL, ROLE_USERS, ROLES, sample, SEED, seededRandom, TableSnapshot, tally } from './harness';

type Caller = keyof typeof ROLE_USERS | 'anonymous';
const CALLERS: Caller[] = ['anonymous', ...ROLES];
const SHORT_SAMPLE = Number(process.env['HARDENING_SAMPLE'] ?? 300);

/**
 * ≥ 2,000 hostile requests over every route of the OpenAPI document, as every role: never a 5xx,
 * always the error shape on 4xx, nothing written by a refused request, the process alive.
 */
describe('Hostile request corpus', () => {
  let t: TestApp;
  const saved = process.env['WORKERS_IN_PROCESS'];
  const tokens = new Map<Caller, string>();

  async function signIn(caller: Caller): Promise<void> {
    if (caller === 'anonymous') return;
    const res = await t.http().post('/api/auth/login').send({ username: ROLE_USERS[caller], password: DEMO_PASSWORD });
    if (res.status !== 200) throw new Error(`login ${caller}: ${res.status} ${JSON.stringify(res.body)}`);
    tokens.set(caller, `Bearer ${res.body.accessToken}`);
  }

  beforeAll(async () => {
    // Background workers would write rows between requests; the corpus checks what requests write.
    process.env['WORKERS_IN_PROCESS'] = 'false';
    t = await startTestApp();
    for (const c of CALLERS) await signIn(c);
  });

  afterAll(async () => {
    if (saved === undefined) delete process.env['WORKERS_IN_PROCESS'];
    else process.env['WORKERS_IN_PROCESS'] = saved;
    await t?.close();
  });

  it('answers every hostile request with a 4xx in the error shape (or a harmless 2xx), writes nothing when it refuses, and stays up', async () => {
    const doc = (await t.http().get('/api/docs-json').expect(200)).body as OpenApiDocument;
    // The document lists no @Query() DTO fields: take them from the validation metadata.
    const queryFields = new Map(nestRoutes(t.app).map((r) => [r.key, r.queryFields]));
    const ops = operationsOf(doc).map((op) => {
      const known = new Set(op.queryParams.map((q) => q.name));
      const extra = (queryFields.get(`${op.method.toUpperCase()} ${op.path}`) ?? []).filter((f) => !known.has(f));
      return { ...op, queryParams: [...op.queryParams, ...extra.map((name) => ({ name, schema: { type: 'string' } }))] };
    });
    expect(ops.length).toBeGreaterThan(50);

    // Every (route, class) once, callers rotating; plus every route as every caller.
    const all: (HostileRequest & { caller: Caller })[] = [];
    ops.forEach((op, i) => {
      const requests = hostileRequests(doc, op);
      requests.forEach((r, j) => all.push({ ...r, caller: CALLERS[(i + j) % CALLERS.length] }));
      CALLERS.forEach((caller, k) => all.push({ ...requests[(i + k) % requests.length], caller }));
    });
    const chosen = FULL ? all : sample(all, SHORT_SAMPLE, seededRandom(SEED));
    if (FULL) expect(chosen.length).toBeGreaterThanOrEqual(2000);

    const snapshot = new TableSnapshot(t.dataSource);
    await snapshot.init();
    let before = await snapshot.take();
    const byStatus: Record<string, number> = {};
    const byClass: Record<string, number> = {};
    const byCaller: Record<string, number> = {};
    const failures: string[] = [];
    const serverErrors: { route: string; cls: string; caller: string; status: number; body: unknown }[] = [];
    const routesHit = new Set<string>();

    for (const [n, r] of chosen.entries()) {
      const res = await sendRequest(t, { ...r, token: tokens.get(r.caller) });
      routesHit.add(r.route);
      tally(byStatus, `${Math.floor(res.status / 100)}xx`);
      tally(byClass, r.cls);
      tally(byCaller, r.caller);
      const what = `${r.caller} ${r.method.toUpperCase()} ${r.url.slice(0, 120)} [${r.cls}] → ${res.status}`;
      if (res.status === 0) failures.push(`${what}: no answer within two minutes`);
      if (res.status >= 500) {
        failures.push(`${what} ${JSON.stringify(res.body).slice(0, 200)}`);
        serverErrors.push({ route: r.route, cls: r.cls, caller: r.caller, status: res.status, body: res.body });
      }
      const shape = errorShapeProblems(res.status, res.body);
      if (shape.length) failures.push(`${what}: error shape — ${shape.join(', ')}`);

      let after = await snapshot.take();
      if (res.status < 400 && r.method !== 'get') {
        // Writes of an accepted request may finish just after its answer: wait until the tables settle.
        for (let i = 0; i < 5; i++) {
          const again = await snapshot.take();
          if (TableSnapshot.diff(after, again).length === 0) break;
          after = again;
        }
      }
      if (res.status >= 400) {
        const written = TableSnapshot.diff(before, after).filter((d) => !(r.url.startsWith('/api/auth/') && d.startsWith('app_user ')));
        if (written.length) failures.push(`${what}: refused but wrote ${written.join('; ')}`);
      }
      before = after;
      // A hostile request accepted by an auth route (logout, refresh) may end the caller's session.
      if (res.status < 400 && r.url.startsWith('/api/auth/')) await signIn(r.caller);
      if (n % 100 === 99) {
        const health = await t.http().get('/api/health');
        if (health.status !== 200) failures.push(`health ${health.status} after ${n + 1} requests`);
      }
    }
    const health = await t.http().get('/api/health');
    expect(health.status).toBe(200);

    const summary = {
      date: new Date().toISOString(),
      form: FULL ? 'full' : `short (seed ${SEED}, sample ${SHORT_SAMPLE})`,
      requests: chosen.length,
      routes: `${routesHit.size} of ${ops.length}`,
      byStatus,
      byCaller,
      byClass,
      classes: `${Object.keys(byClass).length} of ${CLASSES.length + Object.keys(byClass).filter((c) => c.startsWith('path:')).length} (path ids count separately)`,
      failures: failures.length,
    };
    const dir = join(__dirname, '../../../../tmp/hardening');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `corpus-${FULL ? 'full' : 'short'}.json`), JSON.stringify({ summary, failures, serverErrors }, null, 2));
    console.log(`[hardening] hostile corpus\n${JSON.stringify(summary, null, 2)}\n${failures.slice(0, 60).join('\n')}`);
    if (FULL) expect(routesHit.size).toBe(ops.length);
    expect(failures).toEqual([]);
  });
});
