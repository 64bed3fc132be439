export { ApprovalsModule } from './approvals.module';
export {
  ApprovalService,
  SYSTEM_ACTOR,
  type ApprovalActionInput,
  type StartApprovalRequest,
} from './approval.service';
export { ApprovalQueryService } from './approval-query.service';
export { ApprovalSubjects, type ApprovalFinish, type ApprovalSubjectHandler, type ApprovalTaskLabel } from './approval-subjects';
export { ApprovalTemplatesService } from './approval-templates.service';
export { ApprovalTimeoutWorker } from './approval-timeout.worker';
export { ApprovalException, ApprovalErrorCode } from './approval.exception';
export { APPROVALS_QUEUE, approvalTimeoutJobId, type ApprovalJobs } from './approval-queue';
