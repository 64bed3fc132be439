import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DataSource } from 'typeorm';
import type { TestApp } from '../test-app';

/** `npm run test:hardening` sets HARDENING_FULL=1; inside `npm test` a seeded sample runs. */
export const FULL = process.env['HARDENING_FULL'] === '1';
export const SEED = Number(process.env['HARDENING_SEED'] ?? 20260601);

/** The demo user of each role (seeds/demo-users.json); department users are in jtt unless named. */
export const ROLE_USERS = {
  office_admin: 'office',
  office_reviewer: 'reviewer',
  leader: 'leader',
  viewer: 'viewer',
  dept_liaison: 'jtt.liaison',
  dept_head: 'jtt.head',
} as const;
export type RoleName = keyof typeof ROLE_USERS;
export const ROLES = Object.keys(ROLE_USERS) as RoleName[];

/** Deterministic PRNG (mulberry32): the same seed samples the same requests. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function sample<T>(items: T[], n: number, random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy.slice(0, n);
}

/** The one error shape every refusal must have. */
export function errorShapeProblems(status: number, body: unknown): string[] {
  if (status < 400 || status >= 500) return [];
  const b = body as Record<string, unknown> | null;
  if (!b || typeof b !== 'object') return ['body is not a JSON object'];
  const problems: string[] = [];
  if (b['statusCode'] !== status) problems.push(`statusCode ${String(b['statusCode'])} ≠ ${status}`);
  for (const key of ['code', 'message', 'messageEn', 'requestId']) {
    if (typeof b[key] !== 'string' || (b[key] as string).length === 0) problems.push(`no ${key}`);
  }
  if ('stack' in b) problems.push('stack leaked');
  return problems;
}

/**
 * Tables whose rows a refused request may legitimately add: the audit trail (refusals are audited
 * by design) and sign-in bookkeeping (failed logins are counted for back-off).
 */
const BOOKKEEPING = /^(audit_|login_|auth_|refresh_token|session|migrations$|typeorm_)/;

/** Per table: row count and the newest row version (xmin), so inserts, updates and deletes all show. */
export class TableSnapshot {
  private tables: string[] = [];
  constructor(private readonly dataSource: DataSource) {}

  async init(): Promise<string[]> {
    const rows: { table_name: string }[] = await this.dataSource.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
    );
    this.tables = rows.map((r) => r.table_name).filter((n) => !BOOKKEEPING.test(n));
    return this.tables;
  }

  async take(): Promise<Map<string, string>> {
    const sql = this.tables
      .map((t) => `SELECT '${t}' AS t, count(*)::text || ':' || coalesce(max(xmin::text::bigint), 0)::text AS v FROM "${t}"`)
      .join(' UNION ALL ');
    const rows: { t: string; v: string }[] = await this.dataSource.query(sql);
    return new Map(rows.map((r) => [r.t, r.v]));
  }

  static diff(before: Map<string, string>, after: Map<string, string>): string[] {
    return [...after].filter(([t, v]) => before.get(t) !== v).map(([t, v]) => `${t} ${before.get(t)} → ${v}`);
  }
}

export function tally(counter: Record<string, number>, key: string): void {
  counter[key] = (counter[key] ?? 0) + 1;
}

export interface OutgoingRequest {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  url: string;
  token?: string;
  /** raw text, sent as is */
  body?: string;
  contentType?: string;
}

/** Generous: a request that gets no answer in two minutes is a finding (a hang), not slowness. */
const ANSWER_DEADLINE_MS = 120_000;

/**
 * Sends one request to the in-process app. A stream (server-sent events) answers 200 and stays
 * open: its status is read, then the test hangs up. No answer at all is reported as status 0.
 */
export async function sendRequest(t: TestApp, r: OutgoingRequest): Promise<{ status: number; body: unknown }> {
  if (r.method === 'get' && /\/stream(\?|$)/.test(r.url)) {
    const server = t.app.getHttpServer() as Server;
    if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const abort = new AbortController();
    const res = await fetch(`http://127.0.0.1:${port}${r.url}`, { headers: r.token ? { Authorization: r.token } : {}, signal: abort.signal });
    const body = res.status >= 400 ? await res.json().catch(() => null) : null;
    abort.abort();
    return { status: res.status, body };
  }
  let req = t.http()[r.method](r.url).timeout({ deadline: ANSWER_DEADLINE_MS });
  if (r.token) req = req.set('Authorization', r.token);
  if (r.body !== undefined) req = req.set('Content-Type', r.contentType ?? 'application/json').send(r.body);
  try {
    const res = await req;
    return { status: res.status, body: res.body };
  } catch (error) {
    if ((error as { timeout?: number }).timeout) return { status: 0, body: null };
    throw error;
  }
}
