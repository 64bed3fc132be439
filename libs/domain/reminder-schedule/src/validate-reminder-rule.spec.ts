import { DEFAULT_REMINDER_RULE, type ReminderRule } from './reminder-rule';
import { validateReminderRule } from './validate-reminder-rule';

function errorsOf(rule: unknown): string[] {
  const result = validateReminderRule(rule);
  if (result.ok) throw new Error('expected the rule to be rejected');
  return result.errors;
}

const base = (): Record<string, unknown> => JSON.parse(JSON.stringify(DEFAULT_REMINDER_RULE));

describe(validateReminderRule.name, () => {
  it('accepts the default rule and returns an equal copy', () => {
    const result = validateReminderRule(DEFAULT_REMINDER_RULE);
    expect(result).toEqual({ ok: true, rule: DEFAULT_REMINDER_RULE });
    if (result.ok) expect(result.rule).not.toBe(DEFAULT_REMINDER_RULE);
  });

  it('accepts the default rule after a JSON round trip, as stored in the database', () => {
    expect(validateReminderRule(base()).ok).toBe(true);
  });

  it('fills in sendAt, quietHours and timeZone when they are omitted', () => {
    const result = validateReminderRule({ offsets: [{ workingDays: -1, recipients: ['assignee'] }], escalation: [] });
    expect(result).toEqual({
      ok: true,
      rule: {
        offsets: [{ workingDays: -1, recipients: ['assignee'] }],
        escalation: [],
        sendAt: '09:00',
        quietHours: { start: '20:00', end: '08:00' },
        timeZone: 'Asia/Shanghai',
      },
    });
  });

  it('cannot be changed through the exported default', () => {
    expect(() => (DEFAULT_REMINDER_RULE.offsets as unknown[]).push({})).toThrow(TypeError);
    expect(() => {
      (DEFAULT_REMINDER_RULE as { sendAt: string }).sendAt = '10:00';
    }).toThrow(TypeError);
  });

  it('rejects something that is not an object', () => {
    expect(errorsOf(null)).toEqual(['提醒规则必须是对象']);
    expect(errorsOf([])).toEqual(['提醒规则必须是对象']);
  });

  it('names the field of each bad offset, in Chinese', () => {
    const r = base();
    r['offsets'] = [
      { workingDays: 1.5, recipients: ['assignee'] },
      { workingDays: -99, recipients: ['assignee'] },
      { workingDays: -2, recipients: [] },
      { workingDays: -3, recipients: ['boss'] },
      { workingDays: -4, recipients: ['assignee', 'assignee'] },
      { workingDays: -5, recipients: ['assignee'], level: 'urgent' },
      { workingDays: -5, recipients: ['assignee'] },
      'x',
    ];
    expect(errorsOf(r)).toEqual([
      expect.stringMatching(/^offsets\[0\]\.workingDays（提醒时点）必须是 -60 到 60 之间的整数/),
      expect.stringMatching(/^offsets\[1\]\.workingDays（提醒时点）必须是 -60 到 60 之间的整数/),
      expect.stringMatching(/^offsets\[2\]\.recipients（提醒对象）必须是非空数组/),
      expect.stringMatching(/^offsets\[3\]\.recipients\[0\]（提醒对象）取值错误/),
      expect.stringMatching(/^offsets\[4\]\.recipients\[1\]（提醒对象）assignee 重复/),
      expect.stringMatching(/^offsets\[5\]\.level（提醒级别）取值错误/),
      expect.stringMatching(/^offsets\[6\]\.workingDays（提醒时点）-5 重复配置/),
      'offsets[7] 必须是对象',
    ]);
  });

  it('requires escalations to come after the deadline and not repeat', () => {
    const r = base();
    r['escalation'] = [
      { afterWorkingDays: 0, recipients: ['office'] },
      { afterWorkingDays: 2, recipients: ['office'] },
      { afterWorkingDays: 2, recipients: ['leader'] },
    ];
    expect(errorsOf(r)).toEqual([
      expect.stringMatching(/^escalation\[0\]\.afterWorkingDays（逾期工作日数）必须是 1 到 60 之间的整数/),
      expect.stringMatching(/^escalation\[2\]\.afterWorkingDays（逾期工作日数）2 重复配置/),
    ]);
  });

  it('requires the offsets and escalation arrays, not both empty', () => {
    expect(errorsOf({})).toEqual(['offsets（到期前后提醒）必须是数组', 'escalation（逾期升级）必须是数组']);
    expect(errorsOf({ offsets: [], escalation: [] })).toEqual(['offsets 与 escalation 不能同时为空，至少配置一条提醒']);
  });

  it.each(['9:00', '24:00', '09:60', 900, ''])('rejects sendAt %p', (sendAt) => {
    expect(errorsOf({ ...base(), sendAt })).toEqual([expect.stringMatching(/^sendAt（发送时间）必须是 HH:mm 格式/)]);
  });

  it('rejects bad quiet hours and a send time inside them', () => {
    expect(errorsOf({ ...base(), quietHours: { start: '20:00' } })).toEqual([expect.stringMatching(/^quietHours\.end（免打扰结束）/)]);
    expect(errorsOf({ ...base(), quietHours: '20:00-08:00' })).toEqual([expect.stringMatching(/^quietHours（免打扰时段）必须是/)]);
    expect(errorsOf({ ...base(), quietHours: { start: '08:00', end: '08:00' } })).toEqual([expect.stringMatching(/开始与结束时间不能相同/)]);
    expect(errorsOf({ ...base(), sendAt: '07:30' })).toEqual(['sendAt（发送时间）07:30 落在免打扰时段 20:00–08:00 内']);
    expect(errorsOf({ ...base(), sendAt: '12:30', quietHours: { start: '12:00', end: '13:30' } })).toHaveLength(1);
  });

  it('accepts a send time right at the end of quiet hours', () => {
    expect(validateReminderRule({ ...base(), sendAt: '08:00' }).ok).toBe(true);
  });

  it('only supports Asia/Shanghai', () => {
    expect(errorsOf({ ...base(), timeZone: 'UTC' })).toEqual([expect.stringMatching(/^timeZone（时区）只支持 Asia\/Shanghai/)]);
  });

  it('returns a rule typed as ReminderRule that computeReminderSchedule accepts', () => {
    const result = validateReminderRule(base());
    const rule: ReminderRule | undefined = result.ok ? result.rule : undefined;
    expect(rule?.offsets).toHaveLength(4);
  });
});
