import { WorkflowError, isWorkflowError } from './workflow.error';

describe(WorkflowError.name, () => {
  it('carries a code, a Chinese message, an English message and details', () => {
    const err = new WorkflowError('NOT_AN_APPROVER', '您不是审批人', 'Not an approver', { userId: 'u1' });
    expect(err).toBeInstanceOf(Error);
    expect(err.name).toBe('WorkflowError');
    expect(err.code).toBe('NOT_AN_APPROVER');
    expect(err.message).toBe('您不是审批人');
    expect(err.messageEn).toBe('Not an approver');
    expect(err.details).toEqual({ userId: 'u1' });
  });

  it('is recognised by isWorkflowError and plain errors are not', () => {
    expect(isWorkflowError(new WorkflowError('INVALID_ACTION', '无效', 'invalid'))).toBe(true);
    expect(isWorkflowError(new Error('x'))).toBe(false);
  });
});
