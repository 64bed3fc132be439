import {
  type ApprovalInstanceState,
  type ApprovalStatus,
  currentApprovalStep,
  dateOfInstant,
  type IsoDate,
  pendingApprovers,
} from '@luoshi/domain/workflow';

/** The part of the working-day calendar a step deadline needs. */
export interface WorkingDays {
  addWorkingDays(date: IsoDate, n: number): IsoDate;
}

/** Step timeouts fire at 09:00 Beijing time of the due working day (the reminders' quiet-hours rule). */
export const STEP_TIMEOUT_HOUR = '09:00:00+08:00';

/**
 * When the current step times out next: `timeoutWorkingDays` working days after its activation for
 * the first timeout (reminder), twice that for the second (escalation), and so on; null when the
 * instance is closed or the step has no timeout.
 */
export function nextStepTimeout(state: ApprovalInstanceState, calendar: WorkingDays): Date | null {
  const step = currentApprovalStep(state);
  if (!step?.activatedAt) return null;
  const days = state.templateSnapshot.steps.find((s) => s.key === step.key)?.timeoutWorkingDays;
  if (!days) return null;
  const due = calendar.addWorkingDays(dateOfInstant(step.activatedAt), days * (step.timeouts + 1));
  return new Date(`${due}T${STEP_TIMEOUT_HOUR}`);
}

/** Columns kept beside the state so the inbox and the timeout reconciler are answered by indexes. */
export interface DerivedInstanceColumns {
  status: ApprovalStatus;
  currentStepKey: string | null;
  pendingApprovers: string[];
  ccUserIds: string[];
  stepDeadline: Date | null;
  finished: boolean;
}

export function deriveInstanceColumns(state: ApprovalInstanceState, calendar: WorkingDays): DerivedInstanceColumns {
  return {
    status: state.status,
    currentStepKey: currentApprovalStep(state)?.key ?? null,
    pendingApprovers: pendingApprovers(state),
    ccUserIds: state.cc,
    stepDeadline: nextStepTimeout(state, calendar),
    finished: state.status !== 'in_progress',
  };
}
