import { WORKFLOW_ERROR_CODES } from '@luoshi/domain/workflow';
import { WORKFLOW_ERROR_STATUS, workflowErrorStatus } from './workflow-error-status';

describe(workflowErrorStatus.name, () => {
  it('maps every engine error code to a 4xx status', () => {
    for (const code of WORKFLOW_ERROR_CODES) {
      expect(WORKFLOW_ERROR_STATUS[code]).toBeGreaterThanOrEqual(400);
      expect(WORKFLOW_ERROR_STATUS[code]).toBeLessThan(500);
    }
  });

  it('answers 403 to someone who is not an approver, 400 to a missing comment, 409 to a closed instance', () => {
    expect(workflowErrorStatus('NOT_AN_APPROVER')).toBe(403);
    expect(workflowErrorStatus('COMMENT_REQUIRED')).toBe(400);
    expect(workflowErrorStatus('INSTANCE_CLOSED')).toBe(409);
    expect(workflowErrorStatus('WITHDRAW_AFTER_DECISION')).toBe(409);
    expect(workflowErrorStatus('NO_APPROVERS')).toBe(422);
  });
});
