import { ReplicaReads } from '@luoshi/server/platform';
import { importFixturePlan, insertTask, waitFor } from './fixtures';
import { canRunPostgresPair, PrivatePostgresPair } from './private-servers';
import { startTestApp, type TestApp } from './test-app';

/**
 * DATABASE_REPLICA_URLS with a streaming replica the test makes itself (initdb + pg_basebackup on
 * free ports): the evaluation ranking and the bulletin run on the replica (pg_stat_statements of
 * each server says which ran them), writes and ordinary reads stay on the primary, and a stopped
 * replica only sends the reads back to the primary.
 */
const describeIfPair = canRunPostgresPair() ? describe : describe.skip; // needs /usr/lib/postgresql/*/bin and root (to run as postgres)

describeIfPair('PostgreSQL read replica', () => {
  let pair: PrivatePostgresPair;
  let t: TestApp;
  const database = `luoshi_it_replica_${process.pid}`;
  const saved = { DATABASE_URL: process.env['DATABASE_URL'], DATABASE_REPLICA_URLS: process.env['DATABASE_REPLICA_URLS'] };

  /** Calls of statements containing `marker` on one server since the last reset. */
  const calls = async (which: 'primary' | 'replica', marker: string): Promise<number> => {
    const [row] = await pair.query<{ n: string | null }>(which, database, `SELECT sum(calls) AS n FROM pg_stat_statements WHERE query LIKE $1 AND query NOT LIKE '%pg_stat_statements%'`, [`%${marker}%`]);
    return Number(row.n ?? 0);
  };
  const resetStatistics = async () => {
    for (const which of ['primary', 'replica'] as const) await pair.query(which, database, `SELECT pg_stat_statements_reset()`);
  };
  const caughtUp = async (sql: string) => {
    const [primary] = await pair.query('primary', database, sql);
    await waitFor(() => pair.query('replica', database, sql), (rows) => JSON.stringify(rows[0]) === JSON.stringify(primary), 60_000, `the replica to catch up (${sql})`);
  };

  beforeAll(async () => {
    pair = await PrivatePostgresPair.start();
    await pair.query('primary', 'postgres', `CREATE DATABASE "${database}"`);
    await pair.query('primary', database, `CREATE EXTENSION IF NOT EXISTS pg_stat_statements`);
    await waitFor(() => pair.query('replica', database, `SELECT 1 AS ok FROM pg_extension WHERE extname = 'pg_stat_statements'`).catch(() => []), (r) => r.length === 1, 60_000, 'the database on the replica');
    process.env['DATABASE_URL'] = pair.url('primary', database);
    process.env['DATABASE_REPLICA_URLS'] = pair.url('replica', database);
    t = await startTestApp();
    const plan = await importFixturePlan(t, 2);
    await insertTask(t, { planId: plan.planId, measureId: plan.measureIds[0], code: 'REPLICA-1', leadCode: 'jtt', dueDate: '2026-01-05' });
    await insertTask(t, { planId: plan.planId, measureId: plan.measureIds[1], code: 'REPLICA-2', leadCode: 'fgw', dueDate: '2030-01-05' });
    await caughtUp(`SELECT count(*)::int AS n FROM task`);
  }, 300_000);

  afterAll(async () => {
    await t?.close();
    pair?.stop();
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  });

  it('reads through ReplicaReads from the standby and everything else from the primary', async () => {
    expect(await t.app.get(ReplicaReads).query<{ standby: boolean }>(`SELECT pg_is_in_recovery() AS standby`)).toEqual([{ standby: true }]);
    expect(await t.dataSource.query(`SELECT pg_is_in_recovery() AS standby`)).toEqual([{ standby: false }]);
  });

  it('serves the evaluation ranking and the bulletin from the replica, with the replicated data', async () => {
    await resetStatistics();
    const ranking = await t.http().get('/api/evaluation/ranking').set('Authorization', await t.login('leader')).expect(200);
    const jtt = ranking.body.rows.find((r: { department: { code: string } }) => r.department.code === 'jtt');
    expect(jtt).toMatchObject({ metrics: { assessedTasks: 1, overdueTasks: 1 } });
    expect(await calls('replica', '"acceptedOnTime"')).toBeGreaterThanOrEqual(1);
    expect(await calls('primary', '"acceptedOnTime"')).toBe(0);

    const period = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7);
    await t.http().get(`/api/bulletins/${period}`).set('Authorization', await t.login('office')).expect(200);
    expect(await calls('replica', '"workingDaysOverdue"')).toBeGreaterThanOrEqual(1);
    expect(await calls('primary', '"workingDaysOverdue"')).toBe(0);
  });

  it('writes on the primary (the replica is read-only) and the replica follows', async () => {
    const created = await t
      .http()
      .post('/api/users')
      .set('Authorization', await t.login('office'))
      .send({ username: 'replica.viewer', displayName: '只读副本测试', password: 'Replica#Pass1', departmentCode: 'hz', roles: ['viewer'] })
      .expect(201);
    expect(await pair.query('primary', database, `SELECT username FROM app_user WHERE id = $1`, [created.body.id])).toEqual([{ username: 'replica.viewer' }]);
    await waitFor(() => pair.query('replica', database, `SELECT username FROM app_user WHERE id = $1`, [created.body.id]), (r) => r.length === 1, 60_000, 'the new user on the replica');
    await expect(pair.query('replica', database, `UPDATE app_user SET display_name = 'x' WHERE id = $1`, [created.body.id])).rejects.toThrow(/read-only transaction/);
  });

  it('falls back to the primary when the replica is down', async () => {
    pair.stopReplica();
    await pair.query('primary', database, `SELECT pg_stat_statements_reset()`);
    const ranking = await t.http().get('/api/evaluation/ranking').set('Authorization', await t.login('leader')).expect(200);
    expect(ranking.body.rows.find((r: { department: { code: string } }) => r.department.code === 'jtt')).toMatchObject({ metrics: { assessedTasks: 1 } });
    expect(await calls('primary', '"acceptedOnTime"')).toBeGreaterThanOrEqual(1);
  });
});
