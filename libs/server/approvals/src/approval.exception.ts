import type { WorkflowError } from '@luoshi/domain/workflow';
import { DomainException } from '@luoshi/server/platform';
import { workflowErrorStatus } from './workflow-error-status';

export enum ApprovalErrorCode {
  NOT_FOUND = 'APPROVAL_NOT_FOUND',
  FORBIDDEN = 'APPROVAL_FORBIDDEN',
  STALE = 'APPROVAL_STALE',
  OWN_ITEM = 'APPROVAL_OWN_ITEM',
  BAD_USER = 'APPROVAL_BAD_USER',
  TEMPLATE_NOT_FOUND = 'APPROVAL_TEMPLATE_NOT_FOUND',
  TEMPLATE_STALE = 'APPROVAL_TEMPLATE_STALE',
  TEMPLATE_INVALID = 'APPROVAL_TEMPLATE_INVALID',
  DELEGATION_NOT_FOUND = 'APPROVAL_DELEGATION_NOT_FOUND',
  DELEGATION_INVALID = 'APPROVAL_DELEGATION_INVALID',
  DELEGATION_FORBIDDEN = 'APPROVAL_DELEGATION_FORBIDDEN',
  NOT_ELIGIBLE = 'APPROVAL_NOT_ELIGIBLE',
}

export class ApprovalException extends DomainException {
  /** An engine error as `APPROVAL_<CODE>` with the engine's Chinese and English messages. */
  static fromWorkflow(error: WorkflowError) {
    return ApprovalException.passThrough(workflowErrorStatus(error.code), `APPROVAL_${error.code}`, error);
  }
  static notFound(id: string) {
    return ApprovalException.missing(ApprovalErrorCode.NOT_FOUND, { zh: '审批', en: 'Approval' }, id);
  }
  static forbidden() {
    return new ApprovalException(403, ApprovalErrorCode.FORBIDDEN, '无权查看此审批', 'You may not see this approval');
  }
  static stale(currentVersion: number, sentVersion: number | null) {
    return new ApprovalException(
      409,
      ApprovalErrorCode.STALE,
      `审批已被他人处理（当前版本 ${currentVersion}${sentVersion === null ? '' : `，提交版本 ${sentVersion}`}），请刷新后重试`,
      `The approval changed meanwhile (current version ${currentVersion}${sentVersion === null ? '' : `, sent ${sentVersion}`}); reload and retry`,
      { currentVersion },
    );
  }
  static ownItem() {
    return new ApprovalException(403, ApprovalErrorCode.OWN_ITEM, '起草人不能代他人审批自己提交的事项', 'The drafter cannot decide their own item as a delegate');
  }
  static badUser(field: string, id: string) {
    return ApprovalException.badField(ApprovalErrorCode.BAD_USER, field, '用户不存在或已停用', `unknown or inactive user ${id}`, { userId: id });
  }
  /** The user (a transfer or add-signer target, or a delegate) may not decide this step by its template. */
  static notEligible(field: 'toUserId' | 'userId' | 'actor', userId: string, step: string) {
    return field === 'actor'
      ? new ApprovalException(403, ApprovalErrorCode.NOT_ELIGIBLE, `按审批模板，您无权审批“${step}”环节（委托不能越过角色和部门）`, `By the template you may not decide step "${step}" (a delegation cannot bypass role and department)`, { step })
      : ApprovalException.badField(
          ApprovalErrorCode.NOT_ELIGIBLE,
          field,
          `该用户按审批模板无权审批“${step}”环节，只能转交或加签给有权审批的人员`,
          `this user may not decide step "${step}" by the template; transfer or add signers only to eligible approvers`,
          { userId, step },
        );
  }
  static templateNotFound(code: string) {
    return ApprovalException.missing(ApprovalErrorCode.TEMPLATE_NOT_FOUND, { zh: '审批模板', en: 'Approval template' }, code);
  }
  static templateStale(currentVersion: number, sentVersion: number) {
    return new ApprovalException(
      409,
      ApprovalErrorCode.TEMPLATE_STALE,
      `审批模板已被他人修改（当前版本 ${currentVersion}，提交版本 ${sentVersion}），请刷新后重试`,
      `The template changed meanwhile (current version ${currentVersion}, sent ${sentVersion})`,
      { currentVersion },
    );
  }
  static templateInvalid(problems: string[]) {
    return new ApprovalException(
      400,
      ApprovalErrorCode.TEMPLATE_INVALID,
      `审批模板有误：${problems.join('；')}`,
      `Invalid approval template: ${problems.length} problem(s), see details`,
      { problems },
    );
  }
  static delegationNotFound(id: string) {
    return ApprovalException.missing(ApprovalErrorCode.DELEGATION_NOT_FOUND, { zh: '委托', en: 'Delegation' }, id);
  }
  static delegationInvalid(message: string, messageEn: string) {
    return new ApprovalException(400, ApprovalErrorCode.DELEGATION_INVALID, message, messageEn);
  }
  static delegationForbidden() {
    return new ApprovalException(403, ApprovalErrorCode.DELEGATION_FORBIDDEN, '只能管理本人发起的委托', 'Only your own delegations can be managed');
  }
}
