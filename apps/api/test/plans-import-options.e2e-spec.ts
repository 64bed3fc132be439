import { useTestApp } from './test-app';

/**
 * A clean text full of words the seed's spinner dictionary would "correct" (主要→重要, 配合→共同,
 * 使用→应用, 程度→水平): in mode auto nothing changes; forced on, the office rejects one correction.
 */
const CLEAN_PLAN = [
  '测试区协同发展实施方案',
  '',
  '一、主要任务',
  '',
  '（一）健全标准体系',
  '',
  '完善标准规范。各有关部门要配合做好收集、使用工作，提升标准化程度。',
  '',
  '推进数据共享。依照法律法规推进数据使用，发现问题及时处理。',
  '',
  '二、保障措施',
  '',
  '（一）加强组织领导',
  '',
  '健全工作机制。由政府主要负责同志牵头，推进供给侧结构性改革。',
  '',
].join('\n');

interface Correction {
  id: string;
  wrong: string;
  right: string;
  line: number;
  column: number;
}
interface PreviewNode {
  code: string;
  title: string;
  body: string;
}

describe('Plan import: correction mode and rejected corrections', () => {
  const t = useTestApp();
  let office: string;
  const upload = (text: string, query: Record<string, string>, fields: Record<string, string> = {}) => {
    let req = t.http().post('/api/plans/import').query(query).set('Authorization', office);
    for (const [name, value] of Object.entries(fields)) req = req.field(name, value);
    return req.attach('file', Buffer.from(text, 'utf8'), 'clean.txt');
  };
  const bodyOf = (nodes: PreviewNode[], title: string) => nodes.find((n) => n.title === title)?.body ?? '';

  beforeAll(async () => {
    office = await t.login('office');
  });

  it('changes nothing in a clean text by default (mode auto), and says why with the evidence', async () => {
    const res = await upload(CLEAN_PLAN, { dryRun: 'true' }).expect(200);
    expect(res.body.options).toEqual({ correctionMode: 'auto', rejectedCorrections: [] });
    expect(res.body.corrections).toEqual([]);
    expect(res.body.stats.corrections).toBe(0);
    expect(res.body.corruption).toMatchObject({ corrupted: false, applied: false, mode: 'auto' });
    // What forcing it on would change is still counted, so the office can decide.
    expect(res.body.corruption.candidates).toBeGreaterThanOrEqual(4);
    expect(bodyOf(res.body.nodes, '完善标准规范')).toContain('配合做好收集、使用工作');
  });

  it('applies the dictionary when the office forces it on, and nothing when forced off', async () => {
    const on = await upload(CLEAN_PLAN, { dryRun: 'true', correctionMode: 'on' }).expect(200);
    expect(on.body.corruption).toMatchObject({ applied: true, mode: 'on' });
    const words = on.body.corrections.map((c: Correction) => `${c.wrong}→${c.right}`);
    expect(words).toEqual(expect.arrayContaining(['配合→共同', '使用→应用', '程度→水平']));
    expect(on.body.corrections.every((c: Correction) => c.id === `${c.line}:${c.column}:${c.wrong}`)).toBe(true);
    expect(bodyOf(on.body.nodes, '完善标准规范')).toMatch(/共同做好.+、应用工作/);

    const off = await upload(CLEAN_PLAN, { dryRun: 'true' }, { correctionMode: 'off' }).expect(200);
    expect(off.body.corruption).toMatchObject({ applied: false, mode: 'off' });
    expect(off.body.corrections).toEqual([]);
  });

  it('rejecting one suggested correction changes exactly that word, and the commit writes what the preview showed', async () => {
    const on = await upload(CLEAN_PLAN, { dryRun: 'true', correctionMode: 'on' }).expect(200);
    const all: Correction[] = on.body.corrections;
    const usages = all.filter((c) => c.wrong === '使用');
    expect(usages.length).toBeGreaterThanOrEqual(2);
    const rejected = usages[0];

    const fields = { correctionMode: 'on', rejectedCorrections: JSON.stringify([rejected.id]) };
    const preview = await upload(CLEAN_PLAN, { dryRun: 'true' }, fields).expect(200);
    expect(preview.body.options).toEqual({ correctionMode: 'on', rejectedCorrections: [rejected.id] });
    expect(preview.body.corrections.map((c: Correction) => c.id)).toEqual(all.filter((c) => c.id !== rejected.id).map((c) => c.id));
    // That one 使用 stays; the other is still corrected; the rest of the text is as forced on.
    expect(bodyOf(preview.body.nodes, '完善标准规范')).toMatch(/共同做好.+、使用工作/);
    expect(bodyOf(preview.body.nodes, '推进数据共享')).toContain('数据应用');
    const onNodes = on.body.nodes as PreviewNode[];
    const changed = (preview.body.nodes as PreviewNode[]).filter((n, i) => n.title + n.body !== onNodes[i].title + onNodes[i].body);
    expect(changed.map((n) => n.title)).toEqual(['完善标准规范']);
    expect(bodyOf(preview.body.nodes, '完善标准规范').replace('使用', '应用')).toBe(bodyOf(onNodes, '完善标准规范'));

    const committed = await upload(CLEAN_PLAN, { dryRun: 'false' }, fields).expect(200);
    const stored: { title: string; body: string }[] = await t.dataSource.query(
      `SELECT title, body FROM plan_node WHERE plan_id = $1 AND retired_in_version IS NULL ORDER BY source_line`,
      [committed.body.planId],
    );
    expect(stored.map((n) => n.title + n.body)).toEqual((preview.body.nodes as PreviewNode[]).map((n) => n.title + n.body));
    const [version] = await t.dataSource.query(`SELECT options, corruption, corrections FROM plan_version WHERE plan_id = $1`, [committed.body.planId]);
    expect(version.options).toEqual({ correctionMode: 'on', rejectedCorrections: [rejected.id] });
    expect(version.corruption.mode).toBe('on');
    expect(version.corrections).toHaveLength(all.length - 1);
    const [audit] = await t.dataSource.query(`SELECT after FROM audit_event WHERE action = 'plan.import' AND subject_id = $1`, [committed.body.planId]);
    expect(audit.after.options.rejectedCorrections).toEqual([rejected.id]);

    // The same file with the same options is no new version; with other options it is.
    const again = await upload(CLEAN_PLAN, { dryRun: 'true' }, fields).expect(200);
    expect(again.body.unchanged).toBe(true);
    const auto = await upload(CLEAN_PLAN, { dryRun: 'true' }).expect(200);
    expect(auto.body.unchanged).toBe(false);
    expect(auto.body.version).toBe(2);
  });

  it('refuses an unknown mode and a malformed rejection list with 400, writing nothing', async () => {
    const before = Number((await t.dataSource.query(`SELECT count(*) AS n FROM plan_version`))[0].n);
    const mode = await upload(CLEAN_PLAN, { dryRun: 'false', correctionMode: 'always' }).expect(400);
    expect(mode.body.code).toBe('VALIDATION_FAILED');
    const list = await upload(CLEAN_PLAN, { dryRun: 'false' }, { rejectedCorrections: '[1, 2' }).expect(400);
    expect(list.body.code).toBe('VALIDATION_FAILED');
    expect(Number((await t.dataSource.query(`SELECT count(*) AS n FROM plan_version`))[0].n)).toBe(before);
  });
});
