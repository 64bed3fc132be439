import {
  APPROVAL_TEMPLATE_CODES,
  SEED_APPROVAL_TEMPLATES,
  getSeedApprovalTemplate,
  resolveTemplateApprovers,
  resolveTemplateCc,
  validateApprovalTemplate,
  type ApprovalTemplate,
  type ApproverRule,
} from './approval-template';
import { WorkflowError } from './workflow.error';

const shape = (code: string) => {
  const t = SEED_APPROVAL_TEMPLATES.find((x) => x.code === code);
  if (!t) throw new Error(`missing seed ${code}`);
  return t.steps.map((s) => ({ key: s.key, mode: s.mode, approvers: s.approvers }));
};

const deptHead: ApproverRule = { kind: 'lead_department_head' };
const draftingHead: ApproverRule = { kind: 'drafting_department_head' };
const reviewer: ApproverRule = { kind: 'role', role: 'office_reviewer', scope: 'any' };
const admin: ApproverRule = { kind: 'role', role: 'office_admin', scope: 'any' };

describe('SEED_APPROVAL_TEMPLATES', () => {
  it('holds exactly the four seed templates, each at version 1 and valid', () => {
    expect(SEED_APPROVAL_TEMPLATES.map((t) => t.code)).toEqual([...APPROVAL_TEMPLATE_CODES]);
    for (const t of SEED_APPROVAL_TEMPLATES) {
      expect(t.version).toBe(1);
      expect(t.name).toMatch(/审批$/);
      expect(() => validateApprovalTemplate(t)).not.toThrow();
    }
  });

  it('routes a progress report from the drafting department head to an office reviewer', () => {
    expect(shape('progress_report')).toEqual([
      { key: 'dept_head', mode: 'single', approvers: [draftingHead] },
      { key: 'office_review', mode: 'anySign', approvers: [reviewer] },
    ]);
  });

  it('routes an extension request through the dept head, an office reviewer and an office admin', () => {
    expect(shape('extension_request')).toEqual([
      { key: 'dept_head', mode: 'single', approvers: [deptHead] },
      { key: 'office_review', mode: 'anySign', approvers: [reviewer] },
      { key: 'office_admin', mode: 'anySign', approvers: [admin] },
    ]);
  });

  it('routes a completion request through the dept head and an office reviewer', () => {
    expect(shape('completion_request')).toEqual([
      { key: 'dept_head', mode: 'single', approvers: [deptHead] },
      { key: 'office_review', mode: 'anySign', approvers: [reviewer] },
    ]);
  });

  it('routes a special action plan through the drafting head, a co-department countersign, a reviewer and a leader', () => {
    expect(shape('special_action_plan')).toEqual([
      { key: 'drafting_dept_head', mode: 'single', approvers: [draftingHead] },
      { key: 'co_departments', mode: 'countersign', approvers: [{ kind: 'co_departments' }] },
      { key: 'office_review', mode: 'anySign', approvers: [reviewer] },
      { key: 'leader', mode: 'single', approvers: [{ kind: 'role', role: 'leader', scope: 'any' }] },
    ]);
  });

  it('escalates a stalled office review to the office admins', () => {
    for (const t of SEED_APPROVAL_TEMPLATES) {
      const review = t.steps.find((s) => s.key === 'office_review');
      expect(review?.onTimeout).toEqual({ remind: true, escalateTo: admin });
      expect(review?.timeoutWorkingDays).toBeGreaterThan(0);
    }
  });
});

describe(getSeedApprovalTemplate.name, () => {
  it('returns an independent copy so the seed cannot be mutated through it', () => {
    const t = getSeedApprovalTemplate('progress_report');
    t.steps[0].name = 'changed';
    expect(SEED_APPROVAL_TEMPLATES[0].steps[0].name).toBe('部门负责人审核');
  });

  it('throws INVALID_TEMPLATE for an unknown code', () => {
    expect(() => getSeedApprovalTemplate('nope' as never)).toThrow(expect.objectContaining({ code: 'INVALID_TEMPLATE' }));
  });
});

describe(validateApprovalTemplate.name, () => {
  const valid: ApprovalTemplate = { code: 't', name: '测试', version: 1, steps: [{ key: 'a', name: 'A', mode: 'single', approvers: [deptHead] }] };
  const codeOf = (t: ApprovalTemplate) => {
    try {
      validateApprovalTemplate(t);
    } catch (e) {
      return (e as WorkflowError).code;
    }
    return undefined;
  };

  it('accepts a minimal template', () => {
    expect(codeOf(valid)).toBeUndefined();
  });

  it('rejects a template without steps with NO_STEPS', () => {
    expect(codeOf({ ...valid, steps: [] })).toBe('NO_STEPS');
  });

  it.each([
    ['a duplicate step key', { ...valid, steps: [valid.steps[0], { ...valid.steps[0] }] }],
    ['a step without approver rules', { ...valid, steps: [{ ...valid.steps[0], approvers: [] }] }],
    ['an unknown mode', { ...valid, steps: [{ ...valid.steps[0], mode: 'vote' as never }] }],
    ['a zero timeout', { ...valid, steps: [{ ...valid.steps[0], timeoutWorkingDays: 0 }] }],
    ['version 0', { ...valid, version: 0 }],
    ['an empty code', { ...valid, code: '' }],
    ['an empty step key', { ...valid, steps: [{ ...valid.steps[0], key: '' }] }],
  ])('rejects %s with INVALID_TEMPLATE', (_label, t) => {
    expect(codeOf(t as ApprovalTemplate)).toBe('INVALID_TEMPLATE');
  });
});

describe(resolveTemplateApprovers.name, () => {
  it('resolves every rule of every step in order and drops duplicates', () => {
    const t: ApprovalTemplate = {
      code: 't',
      name: '测试',
      version: 1,
      steps: [
        { key: 'a', name: 'A', mode: 'countersign', approvers: [{ kind: 'users', userIds: ['u2', 'u1'] }, { kind: 'users', userIds: ['u1', 'u3'] }] },
        { key: 'b', name: 'B', mode: 'single', approvers: [{ kind: 'office' }] },
      ],
      cc: [{ kind: 'users', userIds: ['c1', 'c1', 'c2'] }],
    };
    const resolve = (rule: ApproverRule) => (rule.kind === 'users' ? rule.userIds : ['office-1']);
    expect(resolveTemplateApprovers(t, resolve)).toEqual({ a: ['u2', 'u1', 'u3'], b: ['office-1'] });
    expect(resolveTemplateCc(t, resolve)).toEqual(['c1', 'c2']);
  });
});
