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

  const offsets = readTimings<ReminderOffset>(r, OFFSET_TIMING, errors, (workingDays, recipients, raw, path) => {
    const level = raw['level'];
    if (level !== undefined && !(REMINDER_LEVELS as readonly unknown[]).includes(level)) {
      errors.push(`${path}.level（提醒级别）取值错误：${JSON.stringify(level)}，应为 ${REMINDER_LEVELS.join('、')} 之一`);
    }
    return { workingDays, recipients, ...(level === undefined ? {} : { level: level as ReminderLevel }) };
  });
  const escalation = readTimings<ReminderEscalation>(r, ESCALATION_TIMING, errors, (afterWorkingDays, recipients) => ({ afterWorkingDays, recipients }));
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

/** One list of a rule whose entries are timed by a whole number of working days. */
interface TimingList {
  field: 'offsets' | 'escalation';
  fieldLabel: string;
  key: 'workingDays' | 'afterWorkingDays';
  keyLabel: string;
  min: number;
  max: number;
}

const OFFSET_TIMING: TimingList = {
  field: 'offsets',
  fieldLabel: '到期前后提醒',
  key: 'workingDays',
  keyLabel: '提醒时点',
  min: -MAX_OFFSET_WORKING_DAYS,
  max: MAX_OFFSET_WORKING_DAYS,
};
const ESCALATION_TIMING: TimingList = {
  field: 'escalation',
  fieldLabel: '逾期升级',
  key: 'afterWorkingDays',
  keyLabel: '逾期工作日数',
  min: 1,
  max: MAX_OFFSET_WORKING_DAYS,
};

/**
 * Reads offsets or escalation: an array of objects, each with a day count in range that no other
 * entry repeats, and its recipients; `entry` reads the rest and may add errors. An entry with any
 * error is left out, so the caller gets only sound entries.
 */
function readTimings<T>(
  rule: Record<string, unknown>,
  list: TimingList,
  errors: string[],
  entry: (days: number, recipients: RecipientRule[], raw: Record<string, unknown>, path: string) => T,
): T[] {
  const value = rule[list.field];
  if (!Array.isArray(value)) {
    errors.push(`${list.field}（${list.fieldLabel}）必须是数组`);
    return [];
  }
  const entries: T[] = [];
  const seen = new Set<number>();
  value.forEach((raw: unknown, i: number) => {
    const path = `${list.field}[${i}]`;
    if (!isRecord(raw)) return void errors.push(`${path} 必须是对象`);
    const days = raw[list.key];
    const dayPath = `${path}.${list.key}（${list.keyLabel}）`;
    const before = errors.length;
    if (!isIntIn(days, list.min, list.max)) {
      errors.push(`${dayPath}必须是 ${list.min} 到 ${list.max} 之间的整数，实际为 ${JSON.stringify(days)}`);
    } else if (seen.has(days)) {
      errors.push(`${dayPath}${days} 重复配置`);
    } else {
      seen.add(days);
    }
    const recipients = readRecipients(raw['recipients'], `${path}.recipients`, errors);
    const read = entry(days as number, recipients ?? [], raw, path);
    if (errors.length === before && recipients) entries.push(read);
  });
  return entries;
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
