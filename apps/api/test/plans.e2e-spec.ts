import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { docxOf } from './documents';
import { usePlanImport } from './plan-import';

const SEED = readFileSync(join(__dirname, '../../../seeds/plans/zhejiang-yrd-action-plan.raw.txt'));

const SMALL_PLAN = [
  '杭州湾协同发展行动方案',
  '一、总体要求',
  '坚持统筹推进。全面落实各项部署，形成工作合力。',
  '二、重点任务',
  '（一）交通互联互通',
  '建设沿湾铁路通道。加快推进杭州湾南岸铁路项目前期工作。',
  '提升港口集疏运能力。推动宁波舟山港与上海港合作。',
  '（二）生态共保',
  '共建生态廊道。开展跨界河湖联合治理，到2025年，跨界断面水质达标率达到95%以上。',
  '三、保障措施',
  '（一）加强组织领导',
  '健全工作机制。省发展改革委会同省交通运输厅编制交通一体化发展专项行动计划。',
].join('\n');

describe('Plan import', () => {
  const { t, upload, expectRefused, countVersions } = usePlanImport();

  it('previews the seed plan without writing anything', async () => {
    const before = await countVersions();
    const res = await upload(SEED, 'zhejiang-yrd-action-plan.raw.txt', { dryRun: 'true' }).expect(200);
    expect(res.body.dryRun).toBe(true);
    expect(res.body.title).toBe('浙江省推进长江三角洲区域一体化发展行动方案');
    expect(res.body.stats.parts).toBe(5);
    const measuresIn = (parts: string[]) =>
      res.body.nodes.filter((n: { kind: string; code: string }) => n.kind === 'measure' && parts.includes(n.code.split('.')[0])).length;
    expect(measuresIn(['2', '3', '4'])).toBe(71);
    expect(res.body.stats.indicators).toBeGreaterThanOrEqual(18);
    // The spun seed is judged corrupted in the default mode, with its evidence, and restored.
    expect(res.body.options.correctionMode).toBe('auto');
    expect(res.body.corruption).toMatchObject({ corrupted: true, applied: true, mode: 'auto' });
    expect(res.body.corruption.evidence.length).toBeGreaterThan(0);
    expect(res.body.corrections.length).toBeGreaterThan(100);
    expect(res.body.duties.filter((d: { kind: string }) => d.kind === 'special_action_plan')).toHaveLength(6);
    expect(res.body.preamble).toContain('2018年11月5日');
    expect(await countVersions()).toBe(before);
  });

  it('commits the seed plan in one transaction and serves its tree, indicators and duties', async () => {
    const res = await upload(SEED, 'zhejiang-yrd-action-plan.raw.txt', { dryRun: 'false' }).expect(200);
    expect(res.body.version).toBe(1);
    const planId = res.body.planId;
    const viewer = await t.login('viewer');
    const plan = await t.http().get(`/api/plans/${planId}`).set('Authorization', viewer).expect(200);
    expect(plan.body.title).toBe('浙江省推进长江三角洲区域一体化发展行动方案');
    expect(plan.body.preamble).toContain('2018年11月5日');
    expect(plan.body.preamble).toContain('推动');
    const tree = await t.http().get(`/api/plans/${planId}/tree`).set('Authorization', viewer).expect(200);
    expect(tree.body.filter((n: { kind: string }) => n.kind === 'part')).toHaveLength(5);
    const text = tree.body.map((n: { title: string; body: string }) => n.title + n.body).join('');
    expect(text).toContain('推动');
    expect(text).not.toContain('鞭策');
    const search = await t.http().get(`/api/plans/${planId}/tree`).query({ q: '港口' }).set('Authorization', viewer).expect(200);
    expect(search.body.length).toBeGreaterThan(0);
    expect(search.body.length).toBeLessThan(tree.body.length);
    const indicators = await t.http().get(`/api/plans/${planId}/indicators`).set('Authorization', viewer).expect(200);
    expect(indicators.body.map((i: { name: string }) => i.name)).toEqual(expect.arrayContaining(['研发经费投入强度']));
    const duties = await t.http().get(`/api/plans/${planId}/duties`).set('Authorization', viewer).expect(200);
    const transport = duties.body.find((d: { deliverable: string }) => d.deliverable.includes('交通一体化'));
    expect(transport.leadName).toBe('省发展改革委');
    const [audit] = await t.dataSource.query(`SELECT * FROM audit_event WHERE action = 'plan.import' AND subject_id = $1`, [planId]);
    expect(audit.after.version).toBe(1);
  });

  it('makes no new version when the same file is imported again, and keeps the codes', async () => {
    const before = await countVersions();
    const res = await upload(SEED, 'again.txt', { dryRun: 'false' }).expect(200);
    expect(res.body.unchanged).toBe(true);
    expect(res.body.diff.added).toHaveLength(0);
    expect(res.body.diff.changed).toHaveLength(0);
    expect(await countVersions()).toBe(before);
  });

  it('imports a changed document as a new version with a diff, keeping unchanged measures', async () => {
    const first = await upload(SMALL_PLAN, 'small.txt', { dryRun: 'false' }).expect(200);
    const planId = first.body.planId;
    const nodesBefore: { id: string; title: string }[] = await t.dataSource.query(
      `SELECT id, title FROM plan_node WHERE plan_id = $1 AND retired_in_version IS NULL`,
      [planId],
    );
    const changed = SMALL_PLAN.replace('推动宁波舟山港与上海港合作。', '推动宁波舟山港与上海港深化合作。')
      .replace('共建生态廊道。开展跨界河湖联合治理，到2025年，跨界断面水质达标率达到95%以上。', '共建生态廊道。开展跨界河湖联合治理，到2025年，跨界断面水质达标率达到95%以上。\n共享环境监测数据。建立统一的监测网络。');
    const preview = await upload(changed, 'small-v2.txt', { dryRun: 'true', planId }).expect(200);
    expect(preview.body.version).toBe(2);
    expect(preview.body.diff.changed.map((e: { title: string }) => e.title)).toContain('提升港口集疏运能力');
    expect(preview.body.diff.added.map((e: { title: string }) => e.title)).toContain('共享环境监测数据');
    await upload(changed, 'small-v2.txt', { dryRun: 'false', planId }).expect(200);
    const railway = nodesBefore.find((n) => n.title === '建设沿湾铁路通道')!;
    const [stillThere] = await t.dataSource.query(`SELECT id, retired_in_version FROM plan_node WHERE id = $1`, [railway.id]);
    expect(stillThere.retired_in_version).toBeNull();

    // Removing a measure needs the office's confirmation.
    const removed = changed.replace('建设沿湾铁路通道。加快推进杭州湾南岸铁路项目前期工作。\n', '');
    const refused = await upload(removed, 'small-v3.txt', { dryRun: 'false', planId }).expect(409);
    expect(refused.body.code).toBe('PLAN_REMOVALS_NEED_CONFIRMATION');
    await upload(removed, 'small-v3.txt', { dryRun: 'false', planId, confirmRemovals: 'true' }).expect(200);
    const [retired] = await t.dataSource.query(`SELECT retired_in_version FROM plan_node WHERE id = $1`, [railway.id]);
    expect(retired.retired_in_version).toBe(3);
  });

  it('reads a .docx built in the test', async () => {
    const buffer = await docxOf([
      { title: '嘉兴协同发展行动计划' },
      { heading: '一、重点任务' },
      '（一）科创协同',
      '共建创新平台。到2025年，研发经费投入强度达到3.2%以上。',
      '二、保障措施',
      '加强统筹协调。建立联席会议制度。',
    ]);
    const res = await upload(buffer, '嘉兴计划.docx', { dryRun: 'true' }).expect(200);
    expect(res.body.format).toBe('docx');
    expect(res.body.stats.measures).toBeGreaterThanOrEqual(2);
    expect(res.body.indicators[0]).toMatchObject({ name: '研发经费投入强度', comparison: 'gte', value: 3.2, unit: '%', targetYear: 2025 });
  });

  describe('refuses bad input with a specific 4xx and writes nothing', () => {
    it.each([
      ['an empty file', Buffer.alloc(0), 'empty.txt', 400, 'PLAN_FILE_EMPTY'],
      ['a binary file', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2, 0, 0, 0]), 'plan.txt', 400, 'PLAN_FILE_BINARY'],
      ['a .docx that is not a zip', Buffer.from('这不是一个真正的 docx 文件'), 'plan.docx', 400, 'PLAN_DOCX_INVALID'],
      ['text with no recognizable structure', Buffer.from('随便写的一句话没有任何结构'), 'plan.txt', 422, 'PLAN_NO_STRUCTURE'],
      ['an unsupported type', Buffer.from('MZ'), 'plan.exe', 415, 'PLAN_FILE_TYPE'],
    ])('%s', async (_label, buffer, name, status, code) => {
      await expectRefused(buffer, name, status, code);
    });

    it('a 50 MB file', async () => {
      const before = await countVersions();
      const res = await upload(Buffer.alloc(50 * 1024 * 1024, 0x41), 'huge.txt', { dryRun: 'false' }).catch((e: { response?: { status: number } }) => e.response);
      expect(res?.status).toBe(413);
      expect(await countVersions()).toBe(before);
    });

    it('a request without a file', async () => {
      const res = await t.http().post('/api/plans/import').set('Authorization', await t.login('office')).expect(400);
      expect(res.body.code).toBe('PLAN_FILE_MISSING');
    });

    it('an import by a department user', async () => {
      await t.http().post('/api/plans/import').set('Authorization', await t.login('jtt.head')).attach('file', Buffer.from(SMALL_PLAN), 'x.txt').expect(403);
    });
  });

  it('lets a reviewer read and edit the correction dictionary', async () => {
    const reviewer = await t.login('reviewer');
    const list = await t.http().get('/api/plan-corrections').set('Authorization', reviewer).expect(200);
    expect(list.body.find((e: { wrong: string }) => e.wrong === '鞭策')).toMatchObject({ right: '推动' });
    const added = await t.http().put('/api/plan-corrections').set('Authorization', reviewer).send({ wrong: '错别字', right: '正确字' }).expect(200);
    await t.http().delete(`/api/plan-corrections/${added.body.id}`).set('Authorization', reviewer).expect(204);
  });
});
