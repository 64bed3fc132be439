/** Server validation of a reminder rule, split into messages per form field and the rest. */
export interface RuleErrors {
  /** Keyed like 'offsets.1.workingDays', 'escalation.0.recipients', 'sendAt', 'quietHours.start'. */
  fields: Record<string, string>;
  general: string[];
}

const INDEXED = /^(offsets|escalation)\[(\d+)\](?:\.(\w+))?(?:\[\d+\])?/;
const PLAIN = /^(sendAt|timeZone|quietHours)(?:\.(start|end))?/;

/** The message without its field path and the field's Chinese label: 'offsets[0].workingDays（提醒时点）必须是…' → '必须是…'. */
function stripPath(message: string, path: string): string {
  return message.slice(path.length).replace(/^\s*（[^）]*）\s*/, '').trim() || message;
}

/**
 * Maps the `details` of a 400 REMINDER_RULE_INVALID (one Chinese message per problem, each
 * starting with the field path) onto the form's fields; unknown shapes go to `general`.
 */
export function parseRuleErrors(details: unknown): RuleErrors {
  const out: RuleErrors = { fields: {}, general: [] };
  if (!Array.isArray(details)) return out;
  for (const raw of details) {
    if (typeof raw !== 'string') continue;
    const indexed = INDEXED.exec(raw);
    const plain = indexed ? null : PLAIN.exec(raw);
    let key: string | null = null;
    let path = '';
    if (indexed) {
      key = `${indexed[1]}.${indexed[2]}.${indexed[3] ?? 'row'}`;
      path = indexed[0];
    } else if (plain) {
      key = plain[2] ? `${plain[1]}.${plain[2]}` : plain[1];
      path = plain[0];
    }
    if (key === null) {
      out.general.push(raw);
      continue;
    }
    const text = stripPath(raw, path);
    out.fields[key] = out.fields[key] ? `${out.fields[key]}；${text}` : text;
  }
  return out;
}
