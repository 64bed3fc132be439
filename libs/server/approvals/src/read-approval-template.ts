import { ROLES } from '@luoshi/contracts';
import { type ApprovalTemplate, type ApproverRule, isWorkflowError, STEP_MODES, validateApprovalTemplate } from '@luoshi/domain/workflow';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const STEP_KEY = /^[a-z][a-z0-9_]{0,39}$/;
const MAX_TIMEOUT_WORKING_DAYS = 60;

type Problems = string[];
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function unknownFields(value: Record<string, unknown>, allowed: string[], path: string, problems: Problems): void {
  for (const key of Object.keys(value)) if (!allowed.includes(key)) problems.push(`${path}.${key}: 不允许的字段`);
}

function readRule(value: unknown, path: string, problems: Problems): ApproverRule | null {
  if (!isObject(value)) {
    problems.push(`${path}: 应为审批人规则对象`);
    return null;
  }
  switch (value['kind']) {
    case 'role': {
      unknownFields(value, ['kind', 'role', 'scope'], path, problems);
      const role = value['role'];
      const scope = value['scope'];
      if (typeof role !== 'string' || !(ROLES as readonly string[]).includes(role)) problems.push(`${path}.role: 应为 ${ROLES.join('、')} 之一`);
      if (scope !== undefined && scope !== 'subject_lead_department' && scope !== 'any') problems.push(`${path}.scope: 应为 subject_lead_department 或 any`);
      return { kind: 'role', role: String(role), ...(scope === undefined ? {} : { scope: scope as 'subject_lead_department' | 'any' }) };
    }
    case 'users': {
      unknownFields(value, ['kind', 'userIds'], path, problems);
      const ids = value['userIds'];
      if (!Array.isArray(ids) || ids.length === 0 || !ids.every((id) => typeof id === 'string' && UUID.test(id))) {
        problems.push(`${path}.userIds: 应为至少一个用户 ID`);
        return null;
      }
      return { kind: 'users', userIds: ids as string[] };
    }
    case 'lead_department_head':
    case 'office':
    case 'co_departments':
    case 'drafting_department_head':
      unknownFields(value, ['kind'], path, problems);
      return { kind: value['kind'] };
    default:
      problems.push(`${path}.kind: 未知的审批人规则“${String(value['kind'])}”`);
      return null;
  }
}

/**
 * Reads an edited template (PUT /approval-templates/:code) field by field, with Chinese messages
 * naming the path (steps[1].approvers[0].role …), then runs the engine's own structural checks.
 * Returns the template at `nextVersion`, or every problem found.
 */
export function readApprovalTemplate(
  code: string,
  body: { name?: unknown; steps?: unknown; cc?: unknown },
  defaults: { name: string; nextVersion: number },
): { template: ApprovalTemplate; problems: [] } | { template: null; problems: string[] } {
  const problems: Problems = [];
  const name = body.name === undefined ? defaults.name : body.name;
  if (typeof name !== 'string' || name.trim() === '' || name.length > 50) problems.push('name: 应为 1–50 个字符');
  const steps: ApprovalTemplate['steps'] = [];
  if (!Array.isArray(body.steps) || body.steps.length === 0 || body.steps.length > 20) {
    problems.push('steps: 应为 1–20 个审批步骤');
  } else {
    body.steps.forEach((raw, i) => {
      const path = `steps[${i}]`;
      if (!isObject(raw)) return void problems.push(`${path}: 应为审批步骤对象`);
      unknownFields(raw, ['key', 'name', 'mode', 'approvers', 'timeoutWorkingDays', 'onTimeout'], path, problems);
      const { key, name: stepName, mode, approvers, timeoutWorkingDays, onTimeout } = raw;
      if (typeof key !== 'string' || !STEP_KEY.test(key)) problems.push(`${path}.key: 应为小写字母开头的编码（a-z、0-9、_）`);
      if (typeof stepName !== 'string' || stepName.trim() === '' || stepName.length > 50) problems.push(`${path}.name: 应为 1–50 个字符`);
      if (typeof mode !== 'string' || !(STEP_MODES as readonly string[]).includes(mode)) problems.push(`${path}.mode: 应为 ${STEP_MODES.join('、')} 之一`);
      const rules = Array.isArray(approvers) && approvers.length > 0
        ? approvers.map((r, j) => readRule(r, `${path}.approvers[${j}]`, problems))
        : (problems.push(`${path}.approvers: 至少一条审批人规则`), []);
      if (timeoutWorkingDays !== undefined && !(Number.isInteger(timeoutWorkingDays) && (timeoutWorkingDays as number) >= 1 && (timeoutWorkingDays as number) <= MAX_TIMEOUT_WORKING_DAYS)) {
        problems.push(`${path}.timeoutWorkingDays: 应为 1–${MAX_TIMEOUT_WORKING_DAYS} 的整数`);
      }
      let policy: ApprovalTemplate['steps'][number]['onTimeout'];
      if (onTimeout !== undefined) {
        if (!isObject(onTimeout) || typeof onTimeout['remind'] !== 'boolean') {
          problems.push(`${path}.onTimeout: 应为 { remind: true|false, escalateTo? }`);
        } else {
          unknownFields(onTimeout, ['remind', 'escalateTo'], `${path}.onTimeout`, problems);
          const escalateTo = onTimeout['escalateTo'] === undefined ? undefined : readRule(onTimeout['escalateTo'], `${path}.onTimeout.escalateTo`, problems);
          policy = { remind: onTimeout['remind'], ...(escalateTo ? { escalateTo } : {}) };
        }
      }
      steps.push({
        key: String(key),
        name: String(stepName),
        mode: mode as ApprovalTemplate['steps'][number]['mode'],
        approvers: rules.filter((r): r is ApproverRule => r !== null),
        ...(timeoutWorkingDays === undefined ? {} : { timeoutWorkingDays: timeoutWorkingDays as number }),
        ...(policy ? { onTimeout: policy } : {}),
      });
    });
  }
  const cc: ApproverRule[] = [];
  if (body.cc !== undefined) {
    if (!Array.isArray(body.cc) || body.cc.length > 20) problems.push('cc: 应为抄送规则数组');
    else body.cc.forEach((r, i) => {
      const rule = readRule(r, `cc[${i}]`, problems);
      if (rule) cc.push(rule);
    });
  }
  if (problems.length > 0) return { template: null, problems };
  const template: ApprovalTemplate = { code, name: String(name).trim(), version: defaults.nextVersion, steps, cc };
  try {
    validateApprovalTemplate(template);
  } catch (error) {
    if (isWorkflowError(error)) return { template: null, problems: [error.message] };
    throw error;
  }
  return { template, problems: [] };
}
