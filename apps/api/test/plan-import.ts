import { type TestApp, useTestApp } from './test-app';

/** Uploads `file` to the plan import with this Authorization (text is sent as UTF-8). */
const importPlanFile = (t: TestApp, authorization: string, file: Buffer | string, name: string, query: Record<string, string> = {}) =>
  t
    .http()
    .post('/api/plans/import')
    .query(query)
    .set('Authorization', authorization)
    .attach('file', Buffer.isBuffer(file) ? file : Buffer.from(file, 'utf8'), name);

/** How many plan versions exist: an import that is refused or changes nothing writes none. */
const countPlanVersions = async (t: TestApp): Promise<number> => Number((await t.dataSource.query(`SELECT count(*) AS n FROM plan_version`))[0].n);

/** Imports `file` for real and expects it refused with `status` and `code`, with no plan version written. */
async function expectImportRefused(t: TestApp, authorization: string, file: Buffer, name: string, status: number, code: string): Promise<void> {
  const before = await countPlanVersions(t);
  const res = await importPlanFile(t, authorization, file, name, { dryRun: 'false' });
  expect(res.status).toBe(status);
  expect(res.body.code).toBe(code);
  expect(await countPlanVersions(t)).toBe(before);
}

/**
 * A plan-import suite: its test app, and the office's uploads, refusals and version counts
 * (the office's login is taken once, before the suite's tests).
 */
export function usePlanImport() {
  const t = useTestApp();
  let office: string;
  beforeAll(async () => {
    office = await t.login('office');
  });
  return {
    t,
    upload: (file: Buffer | string, name: string, query: Record<string, string> = {}) => importPlanFile(t, office, file, name, query),
    expectRefused: (file: Buffer, name: string, status: number, code: string) => expectImportRefused(t, office, file, name, status, code),
    countVersions: () => countPlanVersions(t),
  };
}
