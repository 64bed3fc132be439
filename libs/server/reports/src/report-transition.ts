import { isWorkflowError, type ReportEvent, type ReportState, transitionReport } from '@luoshi/domain/workflow';
import { ReportException } from './report.exception';

/** transitionReport over one or more events, with the engine's error as a 409 REPORT_INVALID_TRANSITION. */
export function nextReportState(state: ReportState, ...events: ReportEvent[]): ReportState {
  return events.reduce((s, event) => {
    try {
      return transitionReport(s, event);
    } catch (error) {
      if (isWorkflowError(error)) throw ReportException.invalidTransition(error);
      throw error;
    }
  }, state);
}
