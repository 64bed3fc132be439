import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { zipSync } from 'fflate';
import request from 'supertest';
import { acceptTask, draftTasks, openReport, useTemporaryUploadDir } from '../approvals-fixture';
import { minimalPdf, zip } from '@luoshi/server/platform/testing';
import { buildServer, freePort, type ServerProcess, startQuietApiProcess } from '../processes';
import { DEMO_PASSWORD, startTestApp, type TestApp } from '../test-app';
import { errorShapeProblems, TableSnapshot } from './harness';

/** The API process runs with this V8 heap limit; its peak resident memory must stay under RSS_LIMIT_MB. */
const HEAP_LIMIT_MB = 384;
const RSS_LIMIT_MB = 768;
const MB = 1024 * 1024;

type Route = 'plan' | 'assignments' | 'evidence';
interface Bomb {
  label: string;
  route: Route;
  fileName: string;
  build: () => Buffer;
  /** A harmless file may be read (2xx, a dry run: nothing written); a bomb must be refused (4xx). */
  mayBeRead?: boolean;
}

const office = (fileName: string, mainPart: string, content: Buffer) =>
  Buffer.from(zipSync({ '[Content_Types].xml': new TextEncoder().encode('<?xml version="1.0"?><Types/>'), [mainPart]: new Uint8Array(content) }, { level: 9 }));
const zeros = (mb: number) => Buffer.alloc(mb * MB, 0x20);
/** "Billion laughs": ten levels of ten entity references, 10^9 characters if a parser expanded them. */
const LAUGHS = `<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY l0 "哈哈">${Array.from({ length: 9 }, (_, i) => `<!ENTITY l${i + 1} "${`&l${i};`.repeat(10)}">`).join('')}]><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&l9;</w:t></w:r></w:p></w:body></w:document>`;
const SAMPLE_DOC = readFileSync(join(__dirname, '../../../../libs/server/plans/src/readers/testing/plan.doc'));

const BOMBS: Bomb[] = [
  { label: '.docx whose document.xml inflates to 300 MB (sizes declared honestly)', route: 'plan', fileName: '方案.docx', build: () => office('x.docx', 'word/document.xml', zeros(300)) },
  { label: '.docx whose document.xml inflates to 300 MB but declares 1 kB', route: 'plan', fileName: '方案.docx', build: () => zip([{ name: '[Content_Types].xml', data: Buffer.from('<Types/>') }, { name: 'word/document.xml', data: zeros(300), declaredSize: 1000 }]) },
  {
    label: '.docx of 6,000 parts of 10 kB each (60 MB in all)',
    route: 'plan',
    fileName: '方案.docx',
    build: () => Buffer.from(zipSync(Object.fromEntries(Array.from({ length: 6000 }, (_, i) => [`word/media/p${i}.xml`, new Uint8Array(10 * 1024)])), { level: 9 })),
  },
  { label: '.docx with a "billion laughs" entity bomb in document.xml', route: 'plan', fileName: '方案.docx', build: () => office('x.docx', 'word/document.xml', Buffer.from(LAUGHS)), mayBeRead: true },
  { label: '.pdf with a Flate stream inflating to 60 MB', route: 'plan', fileName: '方案.pdf', build: () => minimalPdf(['Plan text'], { extraFlateStream: deflateSync(zeros(60), { level: 9 }) }) },
  { label: '.pdf of 501 pages', route: 'plan', fileName: '方案.pdf', build: () => minimalPdf(Array.from({ length: 501 }, (_, i) => `Page ${i + 1}`)) },
  { label: '.pdf with one page 5,000 km wide', route: 'plan', fileName: '方案.pdf', build: () => minimalPdf(['A very large page'], { mediaBox: '[0 0 14000000000 14000000000]' }), mayBeRead: true },
  { label: 'a truncated .doc (its sector chains point past the end)', route: 'plan', fileName: '方案.doc', build: () => SAMPLE_DOC.subarray(0, Math.floor(SAMPLE_DOC.length / 3)) },
  { label: 'a .doc whose header claims 2^31 sectors', route: 'plan', fileName: '方案.doc', build: () => withHugeSectorCount(SAMPLE_DOC) },
  { label: 'a text plan of 4.9 MB without one line break', route: 'plan', fileName: '方案.txt', build: () => Buffer.from('一、推进'.repeat(Math.floor((4.9 * MB) / 12))), mayBeRead: true },
  { label: 'a text plan of 4.9 MB of nested numbering', route: 'plan', fileName: '方案.txt', build: () => Buffer.from('（一）1.（1）①\n'.repeat(Math.floor((4.9 * MB) / 24))), mayBeRead: true },
  { label: '.xlsx whose sheet inflates to 300 MB (honest sizes)', route: 'assignments', fileName: '台账.xlsx', build: () => office('x.xlsx', 'xl/worksheets/sheet1.xml', zeros(300)) },
  { label: '.xlsx whose sheet inflates to 300 MB but declares 1 kB', route: 'assignments', fileName: '台账.xlsx', build: () => zip([{ name: '[Content_Types].xml', data: Buffer.from('<Types/>') }, { name: 'xl/worksheets/sheet1.xml', data: zeros(300), declaredSize: 1000 }]) },
  { label: 'evidence .docx whose [Content_Types].xml inflates to 300 MB', route: 'evidence', fileName: '佐证.docx', build: () => zip([{ name: '[Content_Types].xml', data: zeros(300) }]) },
];

/** The sample .doc with its FAT sector count (header offset 0x2C) set to 2^31 − 1. */
function withHugeSectorCount(doc: Buffer): Buffer {
  const copy = Buffer.from(doc);
  copy.writeUInt32LE(0x7fffffff, 0x2c);
  return copy;
}

/** Peak resident memory of a process in MB (VmHWM), read from /proc. */
function peakRssMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').match(/^VmHWM:\s+(\d+) kB/m);
  if (!line) throw new Error(`no VmHWM for process ${pid}`);
  return Math.round(Number(line[1]) / 1024);
}

/**
 * Decompression bombs and oversized documents for every document reader (plan import: .docx,
 * .pdf, .doc, text; task Excel import: .xlsx; evidence type detection), sent to an API process of
 * its own started with a heap limit: each is answered with a 4xx in the error shape (or read, for
 * harmless-but-odd files, as a dry run), nothing is written, the process stays up and its peak
 * memory stays under the limit.
 */
describe('Document bombs (every reader, an API under a memory limit)', () => {
  let t: TestApp;
  let api: ServerProcess;
  let base: string;
  let reportId: string;
  const uploads = useTemporaryUploadDir();
  const tokens = new Map<string, string>();
  const figures: string[] = [];

  beforeAll(async () => {
    buildServer();
    t = await startTestApp();
    const drafts = await draftTasks(t, `HARD-BOMB-${process.pid}`);
    reportId = (await openReport(t, await acceptTask(t, drafts[0], { lead: 'jtt' }))).id;
    const port = await freePort();
    api = await startQuietApiProcess({
      PORT: String(port),
      DATABASE_URL: process.env['DATABASE_URL']!,
      REDIS_PREFIX: `luoshi-bombs-${process.pid}`,
      WORKERS_IN_PROCESS: 'false',
      UPLOAD_DIR: uploads.dir,
      NODE_OPTIONS: `--max-old-space-size=${HEAP_LIMIT_MB}`,
    });
    base = `http://127.0.0.1:${port}`;
    for (const user of ['office', 'jtt.liaison']) {
      const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: user, password: DEMO_PASSWORD }) });
      if (res.status !== 200) throw new Error(`login ${user}: ${res.status} ${await res.text()}`);
      tokens.set(user, `Bearer ${((await res.json()) as { accessToken: string }).accessToken}`);
    }
  });
  afterAll(async () => {
    await api?.stop();
    await t?.close();
    uploads.cleanup();
    console.log(`[hardening] document bombs (${new Date().toISOString()}), API heap limit ${HEAP_LIMIT_MB} MB\n  ${figures.join('\n  ')}`);
  });

  function send(bomb: Bomb, file: Buffer): Promise<{ status: number; body: { code?: string } | null }> {
    const target = {
      plan: `/api/plans/import?dryRun=${bomb.mayBeRead ? 'true' : 'false'}`,
      assignments: '/api/tasks/import-assignments',
      evidence: `/api/evidence?ownerType=progress_report&ownerId=${reportId}`,
    }[bomb.route];
    const user = bomb.route === 'evidence' ? 'jtt.liaison' : 'office';
    return request(base).post(target).set('Authorization', tokens.get(user)!).attach('file', file, bomb.fileName).then((res) => ({ status: res.status, body: res.body }));
  }

  it('refuses every bomb with a 4xx, writes nothing, stays up and under its memory limit', async () => {
    const snapshot = new TableSnapshot(t.dataSource);
    await snapshot.init();
    const before = await snapshot.take();
    const filesBefore = uploads.files().length;
    const startRss = peakRssMb(api.child.pid!);
    const problems: string[] = [];
    for (const bomb of BOMBS) {
      const file = bomb.build();
      const res = await send(bomb, file).catch((error: Error) => {
        throw new Error(`${bomb.label}: ${error.message}; API output:\n${api.output().slice(-3000)}`);
      });
      const body = res.body;
      const alive = api.child.exitCode === null && api.child.signalCode === null;
      const health = alive ? (await fetch(`${base}/api/health`)).status : 0;
      figures.push(`${bomb.label} (${(file.length / 1024).toFixed(0)} kB sent): ${res.status} ${body?.code ?? ''}, peak RSS ${alive ? peakRssMb(api.child.pid!) : '—'} MB`);
      const refused = res.status >= 400 && res.status < 500;
      if (!refused && !(bomb.mayBeRead && res.status === 200)) {
        problems.push(`${bomb.label}: answered ${res.status}${res.status >= 500 ? `; API log: ${api.output().split('\n').filter((l) => l.includes(String((body as { requestId?: string } | null)?.requestId))).join('\n').slice(0, 2000)}` : ''}`);
      }
      problems.push(...errorShapeProblems(res.status, body).map((p) => `${bomb.label}: ${p}`));
      if (!alive || health !== 200) problems.push(`${bomb.label}: the API is down (health ${health})`);
      if (!alive) break;
    }
    const peak = peakRssMb(api.child.pid!);
    figures.push(`peak RSS of the API: ${startRss} MB after start, ${peak} MB after all ${BOMBS.length} documents (limit ${RSS_LIMIT_MB} MB)`);
    expect(problems).toEqual([]);
    expect(TableSnapshot.diff(before, await snapshot.take())).toEqual([]);
    expect(uploads.files().length).toBe(filesBefore);
    expect(peak).toBeLessThan(RSS_LIMIT_MB);
  });
});
