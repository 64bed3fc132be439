import { cloneApprovalTemplate, uniqueIds, validateApprovalTemplate } from './approval-template';
import { notify } from './approval-effects';
import { invalidAction } from './approval-errors';
import { pendingApprovers } from './approval-queries';
import { APPROVAL_NOTIFY_REASONS, type ApprovalEffect, type ApprovalInstanceState, type ApprovalStepState, type StartApprovalInput } from './approval-state';
import { WorkflowError } from './workflow.error';

export function startApproval(input: StartApprovalInput): ApprovalInstanceState {
  validateApprovalTemplate(input.template);
  if (!input.drafterId) throw invalidAction('缺少起草人', 'drafterId is required');
  const templateSnapshot = cloneApprovalTemplate(input.template);
  const skip = new Set(input.skipStepKeys ?? []);
  for (const key of skip) {
    if (!templateSnapshot.steps.some((s) => s.key === key)) {
      throw invalidAction(`模板中没有步骤“${key}”，无法跳过`, `Cannot skip unknown step "${key}"`, { stepKey: key });
    }
  }

  const steps: ApprovalStepState[] = templateSnapshot.steps.map((tpl) => {
    const base = { key: tpl.key, name: tpl.name, mode: tpl.mode, escalatedTo: [], decisions: [], timeouts: 0 };
    if (skip.has(tpl.key)) return { ...base, approvers: [], resolvedApprovers: [], lanes: [], status: 'skipped' as const };
    const approvers = uniqueIds(input.resolvedApprovers[tpl.key] ?? []);
    if (approvers.length === 0) {
      throw new WorkflowError(
        'NO_APPROVERS',
        `审批步骤“${tpl.name}”没有找到审批人，请先配置相应人员`,
        `Approval step "${tpl.key}" resolved to no approvers`,
        { stepKey: tpl.key, stepName: tpl.name },
      );
    }
    return { ...base, approvers, resolvedApprovers: [...approvers], lanes: approvers.map((id) => [id]), status: 'pending' as const };
  });

  const first = steps.findIndex((s) => s.status !== 'skipped');
  if (first < 0) {
    throw new WorkflowError('NO_STEPS', '所有审批步骤都被跳过，无法发起审批', 'Every approval step was skipped', {
      code: templateSnapshot.code,
    });
  }
  steps[first] = { ...steps[first], status: 'active', activatedAt: input.at };

  return {
    templateSnapshot,
    status: 'in_progress',
    drafterId: input.drafterId,
    currentStepIndex: first,
    steps,
    cc: uniqueIds(input.cc ?? []),
    history: [{ type: 'start', at: input.at, actorId: input.drafterId, stepKey: steps[first].key, version: 1 }],
    version: 1,
  };
}

/** The notifications a fresh instance needs (startApproval itself returns only the state). */
export function initialApprovalEffects(state: ApprovalInstanceState): ApprovalEffect[] {
  return notify(pendingApprovers(state), APPROVAL_NOTIFY_REASONS.pending);
}
