import type { PlanDutyRow } from '@luoshi/server/plans';

/** A live duty of the plan, as task generation reads it (from the plans capability's PlanReader). */
export type DutyForPrefill = PlanDutyRow;

export interface TaskPrefill {
  leadDepartmentId: string | null;
  coDepartmentIds: string[];
  deadlineText: string | null;
  dueDate: string | null;
  dutyIds: string[];
  /** Leads after the first: the task has one lead, so joint leads (A、B牵头) join the co-departments first. */
  jointLeadIds: string[];
}

/** How a 完成时限 phrase becomes a due date (the working-day calendar's reading); null when it gives none. */
export type ReadDeadline = (text: string) => { dueDate: string | null } | null;

/**
 * What a measure's task starts with, from the plan's duties: those on the measure itself, else on
 * its nearest ancestor that has any (an annotation on a section covers its measures). Several
 * duties on one node merge in document order. Pure.
 */
export function prefillFromDuties(
  nodeId: string,
  parentOf: ReadonlyMap<string, string | null>,
  dutiesByNode: ReadonlyMap<string, readonly DutyForPrefill[]>,
  readDeadline: ReadDeadline,
): TaskPrefill | null {
  let duties: readonly DutyForPrefill[] | undefined;
  const seen = new Set<string>();
  for (let at: string | null | undefined = nodeId; at && !seen.has(at); at = parentOf.get(at)) {
    seen.add(at);
    duties = dutiesByNode.get(at);
    if (duties?.length) break;
  }
  if (!duties?.length) return null;
  const ordered = [...duties].sort((a, b) => a.line - b.line);
  const leads = distinct(ordered.flatMap((d) => d.leadDepartmentIds.filter((id): id is string => id !== null)));
  const co = distinct([...leads.slice(1), ...ordered.flatMap((d) => d.coDepartmentIds)]).filter((id) => id !== leads[0]);
  const timed = ordered.find((d) => d.deadlineText);
  let dueDate: string | null = null;
  if (timed?.deadlineText) dueDate = readDeadline(timed.deadlineText)?.dueDate ?? timed.deadline;
  if (leads.length === 0 && co.length === 0 && !timed) return null;
  return {
    leadDepartmentId: leads[0] ?? null,
    coDepartmentIds: co,
    deadlineText: timed?.deadlineText ?? null,
    dueDate,
    dutyIds: ordered.map((d) => d.id),
    jointLeadIds: leads.slice(1),
  };
}

function distinct<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}
