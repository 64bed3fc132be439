import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { insertPlan, listPlanTasks, type TaskSummary } from './tasks-fixture';
import { startTestApp, type TestApp } from './test-app';

/** A Beijing date `n` days from today (tests stay valid whatever day they run). */
export function isoDaysFromToday(n: number): string {
  return new Date(Date.now() + 8 * 3600_000 + n * 86_400_000).toISOString().slice(0, 10);
}

/** Each suite stores uploads in its own temporary directory (read by the config when the app starts). */
export function useTemporaryUploadDir(): { dir: string; files: () => string[]; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'luoshi-uploads-'));
  process.env['UPLOAD_DIR'] = dir;
  const files = (): string[] => {
    const out: string[] = [];
    const walk = (d: string) => {
      for (const name of readdirSync(d)) {
        const path = join(d, name);
        if (statSync(path).isDirectory()) walk(path);
        else out.push(path);
      }
    };
    walk(dir);
    return out;
  };
  return { dir, files, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Draft tasks of a fresh plan (32 of them), to be assigned one by one. */
export async function draftTasks(t: TestApp, planCode: string): Promise<TaskSummary[]> {
  const plan = await insertPlan(t.dataSource, planCode);
  const office = await t.login('office');
  const res = await t.http().post(`/api/plans/${plan.planId}/tasks/generate`).set('Authorization', office);
  if (res.status !== 200) throw new Error(`generate failed: ${res.status} ${JSON.stringify(res.body)}`);
  return listPlanTasks(t, plan.planId);
}

/**
 * The approval suites' frame: before all, the app and a fresh plan's draft tasks (handed to `set`);
 * after all, the app closed and the suite's uploads removed.
 */
export function withDraftTasks(planCode: string, uploads: { cleanup: () => void }, set: (t: TestApp, drafts: TaskSummary[]) => void): void {
  let app: TestApp | undefined;
  beforeAll(async () => {
    app = await startTestApp();
    set(app, await draftTasks(app, planCode));
  });
  afterAll(async () => {
    await app?.close();
    uploads.cleanup();
  });
}

/** A task as the office reads it (GET /api/tasks/:id). */
export async function officeTask(t: TestApp, id: string) {
  return (await t.http().get(`/api/tasks/${id}`).set('Authorization', await t.login('office')).expect(200)).body;
}

export interface AcceptOptions {
  lead: string;
  co?: string[];
  startDate?: string;
  dueDate?: string | null;
  reportingCycle?: string;
  /** Put the task straight into in_progress after acceptance (for completion requests). */
  inProgress?: boolean;
}

/** Assigns a draft through the API (so reminders are planned) and has the lead's liaison accept it. */
export async function acceptTask(t: TestApp, task: TaskSummary, o: AcceptOptions): Promise<string> {
  const office = await t.login('office');
  const patched = await t
    .http()
    .patch(`/api/tasks/${task.id}`)
    .set('Authorization', office)
    .send({
      version: task.version,
      dispatch: true,
      leadDepartmentCode: o.lead,
      coDepartmentCodes: o.co ?? [],
      startDate: o.startDate ?? '2026-07-01',
      dueDate: o.dueDate === undefined ? isoDaysFromToday(365) : o.dueDate,
      reportingCycle: o.reportingCycle ?? 'quarterly',
    });
  if (patched.status !== 200) throw new Error(`assign failed: ${patched.status} ${JSON.stringify(patched.body)}`);
  const accepted = await t.http().post(`/api/tasks/${task.id}/accept`).set('Authorization', await t.login(`${o.lead}.liaison`)).send({});
  if (accepted.status !== 200) throw new Error(`accept failed: ${accepted.status} ${JSON.stringify(accepted.body)}`);
  if (o.inProgress) await t.dataSource.query(`UPDATE task SET status = 'in_progress', version = version + 1 WHERE id = $1`, [task.id]);
  return task.id;
}

export interface ReportSummary {
  id: string;
  status: string;
  locked: boolean;
  periodKey: string;
  version: number;
  approvalId: string | null;
  returnComment: string | null;
  late: boolean;
  content: string;
}

/** The task's reports (drafts are created on this read). */
export async function reportsOf(t: TestApp, taskId: string, user = 'jtt.liaison'): Promise<ReportSummary[]> {
  const res = await t.http().get(`/api/tasks/${taskId}/reports`).set('Authorization', await t.login(user));
  if (res.status !== 200) throw new Error(`reports failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** The open draft of the latest period (the current one: not yet due, so not late). */
export async function openReport(t: TestApp, taskId: string, user = 'jtt.liaison'): Promise<ReportSummary> {
  const report = (await reportsOf(t, taskId, user)).filter((r) => !r.locked && r.status === 'draft').at(-1);
  if (!report) throw new Error('no open report draft');
  return report;
}

/** Fills in and submits a report as the lead's liaison; returns the submitted report. */
export async function submitReport(
  t: TestApp,
  reportId: string,
  fields: { content?: string; progress?: number; redExplanation?: string } = {},
  user = 'jtt.liaison',
): Promise<ReportSummary & { approvalId: string }> {
  const auth = await t.login(user);
  const current = await t.http().get(`/api/reports/${reportId}`).set('Authorization', auth);
  const edited = await t
    .http()
    .patch(`/api/reports/${reportId}`)
    .set('Authorization', auth)
    .send({ content: fields.content ?? '本季度完成了项目前期工作。', progress: fields.progress ?? 40, risks: '征地进度偏慢', nextSteps: '下季度开工', ...(fields.redExplanation ? { redExplanation: fields.redExplanation } : {}), version: current.body.version });
  if (edited.status !== 200) throw new Error(`edit failed: ${edited.status} ${JSON.stringify(edited.body)}`);
  const submitted = await t.http().post(`/api/reports/${reportId}/submit`).set('Authorization', auth).send({ version: edited.body.version });
  if (submitted.status !== 200) throw new Error(`submit failed: ${submitted.status} ${JSON.stringify(submitted.body)}`);
  return submitted.body;
}

export interface ApprovalView {
  id: string;
  status: string;
  version: number;
  currentStep: { key: string; name: string } | null;
  pendingApprovers: { id: string; displayName: string }[];
  allowedActions: string[];
  timeline: { type: string; actorLabel: string; comment: string | null; stepKey: string | null; onBehalfOf: { displayName: string } | null }[];
  steps: { key: string; status: string; approvers: { displayName: string }[] }[];
}

export async function approval(t: TestApp, id: string, user = 'office'): Promise<ApprovalView> {
  const res = await t.http().get(`/api/approvals/${id}`).set('Authorization', await t.login(user));
  if (res.status !== 200) throw new Error(`approval failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** One action at the instance's current version. */
export async function act(t: TestApp, id: string, user: string, body: Record<string, unknown>) {
  const current = await approval(t, id);
  return t.http().post(`/api/approvals/${id}/actions`).set('Authorization', await t.login(user)).send({ version: current.version, ...body });
}

/** Approves step by step with the given users, expecting each to succeed. */
export async function approveAll(t: TestApp, id: string, users: string[]): Promise<ApprovalView> {
  for (const user of users) {
    const res = await act(t, id, user, { type: 'approve', comment: '同意' });
    if (res.status !== 200) throw new Error(`approve by ${user} failed: ${res.status} ${JSON.stringify(res.body)}`);
  }
  return approval(t, id);
}

export async function userId(t: TestApp, username: string): Promise<string> {
  const [row] = await t.dataSource.query(`SELECT id FROM app_user WHERE username = $1`, [username]);
  return row.id;
}

export const count = async (t: TestApp, sql: string, params: unknown[] = []): Promise<number> =>
  Number((await t.dataSource.query(`SELECT count(*) AS n FROM ${sql}`, params))[0].n);

/** A small but real PDF. */
export const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  'latin1',
);
