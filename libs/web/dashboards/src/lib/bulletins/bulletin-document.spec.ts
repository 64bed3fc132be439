import { type BulletinResponse, bulletinSentences, chineseDate } from '@luoshi/contracts';
import { overdueDetails } from './bulletin-document';

const dept = (code: string, name: string) => ({ id: code, code, name, kind: 'provincial' as const });

const bulletin: BulletinResponse = {
  period: '2026-11',
  periodStart: '2026-11-01',
  periodEnd: '2026-11-30',
  asOf: '2026-11-29',
  generatedAt: '2026-11-29T02:00:00Z',
  title: '督查通报（2026年11月）',
  plan: { id: 'p', code: 'p', title: '行动方案' },
  overall: { total: 83, completed: 9, cancelled: 0, green: 26, amber: 32, red: 25, completionRate: 0.1084 },
  bySection: [],
  completedInPeriod: [],
  overdueByDepartment: [
    { department: dept('jtt', '省交通运输厅'), tasks: 2, workingDays: 50, items: [
      { taskId: 'a', code: '2.3.2', title: '公路', dueDate: '2026-10-31', workingDaysOverdue: 20 },
      { taskId: 'b', code: '2.3.3', title: '港航', dueDate: '2026-09-30', workingDaysOverdue: 30 },
    ] },
    { department: dept('fgw', '省发展改革委'), tasks: 1, workingDays: 30, items: [{ taskId: 'c', code: '1.1.1', title: '规划', dueDate: '2026-09-30', workingDaysOverdue: 30 }] },
  ],
  indicators: [],
  ranking: [],
};

describe('bulletin document', () => {
  it('writes dates the Chinese way', () => {
    expect(chineseDate('2026-01-05')).toBe('2026年1月5日');
  });

  it('states the figures as the Word version does', () => {
    const text = bulletinSentences(bulletin);
    expect(text['一、总体进展']).toBe('截至2026年11月29日，《行动方案》共分解任务83项，已办结9项，办结率10.8%；红灯（逾期）25项，黄灯32项，绿灯26项。');
    expect(text['三、逾期任务情况']).toBe('截至2026年11月29日，共有3项任务逾期，涉及2个牵头单位。');
    expect(text['二、本期办结事项']).toBe('本期（2026年11月1日至2026年11月30日）共办结任务0项。');
  });

  it('lists overdue tasks most overdue first, then by code', () => {
    expect(overdueDetails(bulletin).map((t) => [t.code, t.department])).toEqual([
      ['1.1.1', '省发展改革委'],
      ['2.3.3', '省交通运输厅'],
      ['2.3.2', '省交通运输厅'],
    ]);
  });
});
