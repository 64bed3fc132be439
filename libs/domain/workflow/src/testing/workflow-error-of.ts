import { WorkflowError } from '../workflow.error';

/** The WorkflowError `fn` throws; any other outcome fails the test. */
export function workflowErrorOf(fn: () => unknown): WorkflowError {
  try {
    fn();
  } catch (e) {
    if (e instanceof WorkflowError) return e;
    throw e;
  }
  throw new Error('expected a WorkflowError');
}
