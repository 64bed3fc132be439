import {
  initialApprovalEffects,
  APPROVAL_NOTIFY_REASONS as R,
  pendingApprovers,
  startApproval,
} from './approval-engine';
import type { ApprovalTemplate } from './approval-template';
import { T0, template, resolved, start, act, approve, errorOf, codeOf } from './testing/approval-fixture';

describe(startApproval.name, () => {
  it('activates the first step and waits for its approver', () => {
    const s = start();
    expect(s.status).toBe('in_progress');
    expect(s.currentStepIndex).toBe(0);
    expect(s.steps.map((st) => st.status)).toEqual(['active', 'pending', 'pending']);
    expect(s.steps[0].activatedAt).toBe(T0);
    expect(s.steps[1].activatedAt).toBeUndefined();
    expect(s.steps.map((st) => st.approvers)).toEqual([['head'], ['c1', 'c2', 'c3'], ['r1', 'r2']]);
    expect(s.steps.map((st) => st.mode)).toEqual(['single', 'countersign', 'anySign']);
    expect(s.cc).toEqual(['cc1']);
    expect(pendingApprovers(s)).toEqual(['head']);
  });

  it('starts at version 1 with a start entry in the history', () => {
    const s = start();
    expect(s.version).toBe(1);
    expect(s.history).toEqual([{ type: 'start', at: T0, actorId: 'drafter', stepKey: 'head', version: 1 }]);
  });

  it('produces a plain JSON-serializable object', () => {
    const s = start();
    expect(JSON.parse(JSON.stringify(s))).toEqual(s);
  });

  it('drops duplicate approvers and cc, keeping the first occurrence', () => {
    const s = start({ resolvedApprovers: { ...resolved, co: ['c2', 'c1', 'c2'] }, cc: ['cc1', 'cc1', 'cc2'] });
    expect(s.steps[1].approvers).toEqual(['c2', 'c1']);
    expect(s.cc).toEqual(['cc1', 'cc2']);
  });

  it('throws NO_APPROVERS naming the step when a step resolves to nobody', () => {
    const err = errorOf(() => start({ resolvedApprovers: { ...resolved, co: [] } }));
    expect(err.code).toBe('NO_APPROVERS');
    expect(err.message).toContain('配合部门会签');
    expect(err.messageEn).toContain('co');
    expect(err.details).toEqual({ stepKey: 'co', stepName: '配合部门会签' });
  });

  it('throws NO_APPROVERS when a step key is missing from resolvedApprovers', () => {
    const { review: _omit, ...partial } = resolved;
    expect(codeOf(() => start({ resolvedApprovers: partial }))).toBe('NO_APPROVERS');
  });

  it('marks skipped steps, needs no approvers for them and starts at the first step that runs', () => {
    const s = start({ skipStepKeys: ['head'], resolvedApprovers: { co: ['c1'], review: ['r1'] } });
    expect(s.steps.map((st) => st.status)).toEqual(['skipped', 'active', 'pending']);
    expect(s.currentStepIndex).toBe(1);
    expect(pendingApprovers(s)).toEqual(['c1']);
  });

  it('skips a skipped step when advancing', () => {
    const s = start({ skipStepKeys: ['co'] });
    const next = act(s, approve('head')).state;
    expect(next.currentStepIndex).toBe(2);
    expect(pendingApprovers(next)).toEqual(['r1', 'r2']);
  });

  it('refuses to skip an unknown step and refuses to skip every step', () => {
    expect(codeOf(() => start({ skipStepKeys: ['nope'] }))).toBe('INVALID_ACTION');
    expect(codeOf(() => start({ skipStepKeys: ['head', 'co', 'review'] }))).toBe('NO_STEPS');
  });

  it('refuses an invalid template and a missing drafter', () => {
    expect(codeOf(() => start({ template: { ...template, steps: [] } }))).toBe('NO_STEPS');
    expect(codeOf(() => start({ template: { ...template, steps: [template.steps[0], template.steps[0]] } }))).toBe('INVALID_TEMPLATE');
    expect(codeOf(() => start({ drafterId: '' }))).toBe('INVALID_ACTION');
  });

  it('keeps a snapshot: mutating the template (or the inputs) after start does not change the instance', () => {
    const tpl: ApprovalTemplate = JSON.parse(JSON.stringify(template));
    const approvers = { head: ['head'], co: ['c1', 'c2'], review: ['r1'] };
    const cc = ['cc1'];
    const s = startApproval({ template: tpl, drafterId: 'drafter', resolvedApprovers: approvers, cc, at: T0 });
    const before = JSON.parse(JSON.stringify(s));

    tpl.name = '改过的名字';
    tpl.steps[0].name = '改过的步骤';
    tpl.steps[2].onTimeout = { remind: false };
    tpl.steps.push({ key: 'extra', name: '新增', mode: 'single', approvers: [{ kind: 'office' }] });
    approvers.co.push('intruder');
    cc.push('cc-late');

    expect(s).toEqual(before);
    expect(s.templateSnapshot).toEqual(template);
    expect(s.templateSnapshot).not.toBe(tpl);
  });

  it('offers the notifications for the first step', () => {
    expect(initialApprovalEffects(start())).toEqual([{ type: 'notify', userIds: ['head'], reason: R.pending }]);
  });
});
