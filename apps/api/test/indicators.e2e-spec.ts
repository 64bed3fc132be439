import type { IndicatorDetailResponse, IndicatorTrackingResponse, IndicatorValueResponse } from '@luoshi/contracts';
import { useTestApp } from './test-app';

const SEED_TITLE = '浙江省推进长江三角洲区域一体化发展行动方案';

describe('Indicators: targets, reported values, review and status', () => {
  const t = useTestApp({ plan: true });
  let planId: string;

  beforeAll(async () => {
    [{ id: planId }] = await t.dataSource.query(`SELECT id FROM plan WHERE title = $1`, [SEED_TITLE]);
  });

  const list = async (user = 'viewer'): Promise<IndicatorTrackingResponse[]> =>
    (await t.http().get('/api/indicators').query({ planId }).set('Authorization', await t.login(user)).expect(200)).body;
  const byName = async (name: string, user = 'viewer') => (await list(user)).find((i) => i.name === name) as IndicatorTrackingResponse;
  const report = async (id: string, body: object, user = 'fgw.liaison') =>
    t.http().post(`/api/indicators/${id}/values`).set('Authorization', await t.login(user)).send(body);
  const review = async (valueId: string, action: 'approve' | 'return', body: object = {}, user = 'reviewer') =>
    t.http().post(`/api/indicators/values/${valueId}/${action}`).set('Authorization', await t.login(user)).send(body);

  it('lists the seed plan’s 19 indicators with their targets, all without data yet', async () => {
    const all = await list();
    expect(all).toHaveLength(19);
    expect(all.map((i) => i.name)).toEqual(expect.arrayContaining(['研发经费投入强度', '常住人口城镇化率', '细颗粒物（PM2.5）浓度', '空气质量优良天数比率']));
    const pm = all.find((i) => i.name === '细颗粒物（PM2.5）浓度')!;
    expect(pm).toMatchObject({ unit: '微克/立方米', comparison: 'lte', targets: [{ year: 2025, value: 30 }], status: 'no_data', latest: null });
    expect(all.every((i) => i.status === 'no_data' && i.horizons.every((h) => h.status === 'no_data'))).toBe(true);
    await t.http().get('/api/indicators').query({ planId: '00000000-0000-4000-8000-000000000000' }).set('Authorization', await t.login('viewer')).expect(404);
    await t.http().get('/api/indicators').set('Authorization', await t.login('viewer')).expect(400);
  });

  it('lets the office name the responsible department and the baseline', async () => {
    const rd = await byName('研发经费投入强度');
    // Nobody can report before a department is responsible.
    const early = await report(rd.id, { year: 2023, value: 2.5, note: '统计公报' });
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('INDICATOR_NO_DEPARTMENT');

    const office = await t.login('office');
    await t.http().patch(`/api/indicators/${rd.id}`).set('Authorization', await t.login('reviewer')).send({ baseline: 2 }).expect(403);
    const half = await t.http().patch(`/api/indicators/${rd.id}`).set('Authorization', office).send({ baseline: 2 });
    expect(half.status).toBe(400);
    expect(half.body.code).toBe('INDICATOR_BASELINE_INCOMPLETE');
    await t.http().patch(`/api/indicators/${rd.id}`).set('Authorization', office).send({ responsibleDepartmentCode: 'nowhere' }).expect(400);
    await t.http().patch(`/api/indicators/${rd.id}`).set('Authorization', office).send({ baseline: 'high', baselineYear: 2020 }).expect(400);
    const res = await t
      .http()
      .patch(`/api/indicators/${rd.id}`)
      .set('Authorization', office)
      .send({ responsibleDepartmentCode: 'fgw', baseline: 2, baselineYear: 2020 })
      .expect(200);
    expect(res.body).toMatchObject({ responsibleDepartment: { code: 'fgw' }, baseline: { year: 2020, value: 2 }, status: 'no_data' });
    const [audit] = await t.dataSource.query(`SELECT after FROM audit_event WHERE action = 'indicator.update' AND subject_id = $1`, [rd.id]);
    expect(audit.after).toMatchObject({ baseline: 2, baselineYear: 2020 });
  });

  it('moves from no_data to off_track, on_track and achieved as values are reported and approved', async () => {
    const rd = await byName('研发经费投入强度');

    // A reported value counts only once approved.
    const first = await report(rd.id, { year: 2023, value: 2.5, note: '2023年浙江省科技经费投入统计公报' });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ status: 'submitted', year: 2023, value: 2.5, department: { code: 'fgw' } });
    expect(await byName('研发经费投入强度')).toMatchObject({ status: 'no_data', pendingValues: 1 });
    const twice = await report(rd.id, { year: 2023, value: 2.6, note: '重复' });
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('INDICATOR_VALUE_PENDING');
    expect((await review(first.body.id, 'approve', {}, 'office')).status).toBe(403);
    expect((await review(first.body.id, 'approve')).status).toBe(200);
    // Baseline (2020, 2.0) and (2023, 2.5): the trend reaches 2.83 by 2025, short of 3 by more than 10% of the gap.
    const offTrack = await byName('研发经费投入强度');
    expect(offTrack).toMatchObject({ status: 'off_track', latest: { year: 2023, value: 2.5 }, pendingValues: 0, currentHorizonYear: 2025 });
    expect(offTrack.horizons[0]).toMatchObject({ year: 2025, target: 3, status: 'off_track', basis: 'projected' });
    expect(offTrack.horizons[0].projected).toBeCloseTo(2.8333, 3);

    const second = await report(rd.id, { year: 2024, value: 2.9, note: '2024年统计公报' }, 'fgw.head');
    expect((await review(second.body.id, 'approve')).status).toBe(200);
    const onTrack = await byName('研发经费投入强度');
    expect(onTrack.status).toBe('on_track');
    expect(onTrack.horizons[0].projected).toBeCloseTo(3.0308, 3);
    expect(onTrack.observations).toEqual([{ year: 2023, value: 2.5 }, { year: 2024, value: 2.9 }]);

    // A returned value does not count; a return needs its reason.
    const wrong = await report(rd.id, { year: 2025, value: 2.1, note: '初步数' });
    const noReason = await review(wrong.body.id, 'return');
    expect(noReason.status).toBe(400);
    expect(noReason.body.code).toBe('INDICATOR_COMMENT_REQUIRED');
    const returned = await review(wrong.body.id, 'return', { comment: '请以统计公报数据为准' });
    expect(returned.status).toBe(200);
    expect(returned.body).toMatchObject({ status: 'returned', reviewComment: '请以统计公报数据为准', reviewedBy: { displayName: expect.any(String) } });
    expect((await byName('研发经费投入强度')).status).toBe('on_track');
    const again = await review(wrong.body.id, 'approve');
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('INDICATOR_VALUE_DECIDED');

    const final = await report(rd.id, { year: 2025, value: 3.05, note: '2025年统计公报' });
    expect((await review(final.body.id, 'approve')).status).toBe(200);
    expect(await byName('研发经费投入强度')).toMatchObject({ status: 'achieved', latest: { year: 2025, value: 3.05, note: '2025年统计公报' } });
  });

  it('lets only the responsible department report, and only for years that have begun', async () => {
    const rd = await byName('研发经费投入强度');
    const other = await report(rd.id, { year: 2024, value: 3, note: '交通厅数据' }, 'jtt.liaison');
    expect(other.status).toBe(403);
    expect(other.body.code).toBe('INDICATOR_FORBIDDEN');
    expect((await report(rd.id, { year: 2024, value: 3, note: '办公室代报' }, 'office')).status).toBe(403);
    const future = await report(rd.id, { year: Number(new Date().getUTCFullYear()) + 2, value: 3, note: '预计' });
    expect(future.status).toBe(400);
    expect(future.body.code).toBe('INDICATOR_BAD_YEAR');
    expect((await report(rd.id, { year: 2024, value: 3, note: '' })).status).toBe(400);
    expect((await report(rd.id, { year: 2024, value: 3 })).status).toBe(400);
    expect((await report(rd.id, { year: 2024, value: 3, note: 'x', extra: true })).status).toBe(400);
  });

  it('shows pending and returned values to the office and the responsible department, approved ones to everyone', async () => {
    const rd = await byName('研发经费投入强度');
    const pending = await report(rd.id, { year: 2022, value: 2.3, note: '补报' });
    expect(pending.status).toBe(201);
    const detail = async (user: string): Promise<IndicatorDetailResponse> =>
      (await t.http().get(`/api/indicators/${rd.id}`).set('Authorization', await t.login(user)).expect(200)).body;
    expect((await detail('office')).values.map((v) => v.status).sort()).toEqual(['approved', 'approved', 'approved', 'returned', 'submitted']);
    expect((await detail('fgw.liaison')).values).toHaveLength(5);
    expect((await detail('jtt.liaison')).values.map((v) => v.status)).toEqual(['approved', 'approved', 'approved']);
    expect((await detail('viewer')).sourceSentence).toContain('研发经费');

    const queue: IndicatorValueResponse[] = (
      await t.http().get('/api/indicators/values').query({ status: 'submitted', planId }).set('Authorization', await t.login('reviewer')).expect(200)
    ).body;
    expect(queue.map((v) => v.id)).toContain(pending.body.id);
    const jttQueue = await t.http().get('/api/indicators/values').query({ status: 'submitted' }).set('Authorization', await t.login('jtt.liaison')).expect(200);
    expect(jttQueue.body).toEqual([]);
    const actions: { action: string }[] = await t.dataSource.query(
      `SELECT DISTINCT action FROM audit_event WHERE subject_type = 'indicator_value' ORDER BY action`,
    );
    expect(actions.map((a) => a.action)).toEqual(['indicator.value.approve', 'indicator.value.return', 'indicator.value.submit']);
  });

  it('judges a ≤ target (PM2.5) the other way round', async () => {
    const pm = await byName('细颗粒物（PM2.5）浓度');
    const office = await t.login('office');
    await t.http().patch(`/api/indicators/${pm.id}`).set('Authorization', office).send({ responsibleDepartmentCode: 'fgw', baseline: 40, baselineYear: 2020 }).expect(200);
    const v = await report(pm.id, { year: 2022, value: 36.2, note: '环境状况公报' });
    expect((await review(v.body.id, 'approve')).status).toBe(200);
    expect((await byName('细颗粒物（PM2.5）浓度')).status).toBe('at_risk');
    const w = await report(pm.id, { year: 2024, value: 29, note: '环境状况公报' });
    expect((await review(w.body.id, 'approve')).status).toBe(200);
    expect((await byName('细颗粒物（PM2.5）浓度')).status).toBe('achieved');
  });
});
