import {
  DEFAULT_REMINDER_RULE,
  RECIPIENT_RULES,
  REMINDER_LEVELS,
  SUPPORTED_TIME_ZONE,
  type RecipientRule,
  type ReminderEscalation,
  type ReminderLevel,
  type ReminderOffset,
  type ReminderRule,
} from './reminder-rule';
import { ReminderScheduleError } from './reminder-schedule-error';
import { isInQuietHours, isTimeOfDay, parseTimeOfDay } from './shanghai-time';

/** Reminders further than this from a deadline are almost certainly a typo (e.g. -50 for -5). */
export const MAX_OFFSET_WORKING_DAYS = 60;

/**
 * Checks a rule that came from the database or an admin form and returns a normalised copy.
 * `sendAt`, `quietHours` and `timeZone` may be omitted and take the defaults ('09:00',
 * 20:00–08:00, Asia/Shanghai); `offsets` and `escalation` must be given (either may be empty,
 * not both). Messages are Chinese and start with the field path, e.g.
 * 'offsets[1].workingDays（提醒时点）必须是 -60 到 60 之间的整数'.
 */
export function validateReminderRule(rule: unknown): { ok: true; rule: ReminderRule } | { ok: false; errors: string[] } {
  const errors: string[] = [];
  if (typeof rule !== 'object' || rule === null || Array.isArray(rule)) {
    return { ok: false, errors: ['提醒规则必须是对象'] };
  }
  const r = rule as Record<string, unknown>;

  const offsets: ReminderOffset[] = [];
  if (!Array.isArray(r['offsets'])) {
    errors.push('offsets（到期前后提醒）必须是数组');
  } else {
    const seen = new Set<number>();
    r['offsets'].forEach((raw: unknown, i: number) => {
      const path = `offsets[${i}]`;
      if (!isRecord(raw)) return void errors.push(`${path} 必须是对象`);
      const wd = raw['workingDays'];
      const before = errors.length;
      if (!isIntIn(wd, -MAX_OFFSET_WORKING_DAYS, MAX_OFFSET_WORKING_DAYS)) {
        errors.push(`${path}.workingDays（提醒时点）必须是 -${MAX_OFFSET_WORKING_DAYS} 到 ${MAX_OFFSET_WORKING_DAYS} 之间的整数，实际为 ${JSON.stringify(wd)}`);
      } else if (seen.has(wd)) {
        errors.push(`${path}.workingDays（提醒时点）${wd} 重复配置`);
      } else {
        seen.add(wd);
      }
      const recipients = readRecipients(raw['recipients'], `${path}.recipients`, errors);
      const level = raw['level'];
      if (level !== undefined && !(REMINDER_LEVELS as readonly unknown[]).includes(level)) {
        errors.push(`${path}.level（提醒级别）取值错误：${JSON.stringify(level)}，应为 ${REMINDER_LEVELS.join('、')} 之一`);
      }
      if (errors.length === before && recipients) {
        offsets.push({
          workingDays: wd as number,
          recipients,
          ...(level === undefined ? {} : { level: level as ReminderLevel }),
        });
      }
    });
  }

  const escalation: ReminderEscalation[] = [];
  if (!Array.isArray(r['escalation'])) {
    errors.push('escalation（逾期升级）必须是数组');
  } else {
    const seen = new Set<number>();
    r['escalation'].forEach((raw: unknown, i: number) => {
      const path = `escalation[${i}]`;
      if (!isRecord(raw)) return void errors.push(`${path} 必须是对象`);
      const after = raw['afterWorkingDays'];
      const before = errors.length;
      if (!isIntIn(after, 1, MAX_OFFSET_WORKING_DAYS)) {
        errors.push(`${path}.afterWorkingDays（逾期工作日数）必须是 1 到 ${MAX_OFFSET_WORKING_DAYS} 之间的整数，实际为 ${JSON.stringify(after)}`);
      } else if (seen.has(after)) {
        errors.push(`${path}.afterWorkingDays（逾期工作日数）${after} 重复配置`);
      } else {
        seen.add(after);
      }
      const recipients = readRecipients(raw['recipients'], `${path}.recipients`, errors);
      if (errors.length === before && recipients) escalation.push({ afterWorkingDays: after as number, recipients });
    });
  }
  if (Array.isArray(r['offsets']) && Array.isArray(r['escalation']) && r['offsets'].length + r['escalation'].length === 0) {
    errors.push('offsets 与 escalation 不能同时为空，至少配置一条提醒');
  }

  const sendAt = r['sendAt'] === undefined ? DEFAULT_REMINDER_RULE.sendAt : r['sendAt'];
  if (!isTimeOfDay(sendAt)) errors.push(`sendAt（发送时间）必须是 HH:mm 格式，实际为 ${JSON.stringify(sendAt)}`);

  let quietHours = DEFAULT_REMINDER_RULE.quietHours;
  const q = r['quietHours'];
  if (q !== undefined) {
    if (!isRecord(q)) {
      errors.push('quietHours（免打扰时段）必须是包含 start、end 的对象');
    } else {
      const okStart = isTimeOfDay(q['start']);
      const okEnd = isTimeOfDay(q['end']);
      if (!okStart) errors.push(`quietHours.start（免打扰开始）必须是 HH:mm 格式，实际为 ${JSON.stringify(q['start'])}`);
      if (!okEnd) errors.push(`quietHours.end（免打扰结束）必须是 HH:mm 格式，实际为 ${JSON.stringify(q['end'])}`);
      if (okStart && okEnd) {
        if (q['start'] === q['end']) errors.push('quietHours（免打扰时段）开始与结束时间不能相同');
        else quietHours = { start: q['start'] as string, end: q['end'] as string };
      }
    }
  }
  // A send time inside quiet hours could never be honoured: every reminder would be moved.
  if (isTimeOfDay(sendAt) && errors.every((e) => !e.startsWith('quietHours')) && isInQuietHours(parseTimeOfDay(sendAt), quietHours)) {
    errors.push(`sendAt（发送时间）${sendAt} 落在免打扰时段 ${quietHours.start}–${quietHours.end} 内`);
  }

  const timeZone = r['timeZone'] === undefined ? SUPPORTED_TIME_ZONE : r['timeZone'];
  if (timeZone !== SUPPORTED_TIME_ZONE) {
    errors.push(`timeZone（时区）只支持 ${SUPPORTED_TIME_ZONE}，实际为 ${JSON.stringify(timeZone)}`);
  }

  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    rule: { offsets, escalation, sendAt: sendAt as string, quietHours: { ...quietHours }, timeZone: SUPPORTED_TIME_ZONE },
  };
}

/** validateReminderRule for internal callers: returns the rule or throws. */
export function assertValidReminderRule(rule: unknown): ReminderRule {
  const result = validateReminderRule(rule);
  if (!result.ok) {
    throw new ReminderScheduleError('BAD_REMINDER_RULE', `提醒规则有误：${result.errors.join('；')}`, result.errors);
  }
  return result.rule;
}

function readRecipients(value: unknown, path: string, errors: string[]): RecipientRule[] | undefined {
  if (!Array.isArray(value) || value.length === 0) {
    errors.push(`${path}（提醒对象）必须是非空数组`);
    return undefined;
  }
  const out: RecipientRule[] = [];
  let ok = true;
  value.forEach((v: unknown, i: number) => {
    if (!(RECIPIENT_RULES as readonly unknown[]).includes(v)) {
      errors.push(`${path}[${i}]（提醒对象）取值错误：${JSON.stringify(v)}，应为 ${RECIPIENT_RULES.join('、')} 之一`);
      ok = false;
    } else if (out.includes(v as RecipientRule)) {
      errors.push(`${path}[${i}]（提醒对象）${String(v)} 重复`);
      ok = false;
    } else {
      out.push(v as RecipientRule);
    }
  });
  return ok ? out : undefined;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isIntIn(v: unknown, min: number, max: number): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;
}
