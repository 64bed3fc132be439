import { parseRuleErrors } from './rule-errors';

describe('parseRuleErrors', () => {
  it('maps each message to its field without the path', () => {
    const errors = parseRuleErrors([
      'offsets[0].workingDays（提醒时点）必须是 -60 到 60 之间的整数，实际为 99',
      'escalation[1].recipients[0]（提醒对象）取值错误："boss"，应为 assignee、lead_liaison、lead_head、office、leader 之一',
      'sendAt（发送时间）必须是 HH:mm 格式，实际为 "25:00"',
      'quietHours.start（免打扰开始）必须是 HH:mm 格式，实际为 "x"',
      'quietHours（免打扰时段）开始与结束时间不能相同',
      'offsets 与 escalation 不能同时为空，至少配置一条提醒',
    ]);
    expect(errors.fields).toEqual({
      'offsets.0.workingDays': '必须是 -60 到 60 之间的整数，实际为 99',
      'escalation.1.recipients': '取值错误："boss"，应为 assignee、lead_liaison、lead_head、office、leader 之一',
      sendAt: '必须是 HH:mm 格式，实际为 "25:00"',
      'quietHours.start': '必须是 HH:mm 格式，实际为 "x"',
      quietHours: '开始与结束时间不能相同',
    });
    expect(errors.general).toEqual(['offsets 与 escalation 不能同时为空，至少配置一条提醒']);
  });

  it('joins two problems of one field and ignores non-lists', () => {
    const errors = parseRuleErrors(['offsets[2].workingDays（提醒时点）-2 重复配置', 'offsets[2] 必须是对象']);
    expect(errors.fields['offsets.2.workingDays']).toBe('-2 重复配置');
    expect(errors.fields['offsets.2.row']).toBe('必须是对象');
    expect(parseRuleErrors(undefined)).toEqual({ fields: {}, general: [] });
  });
});
