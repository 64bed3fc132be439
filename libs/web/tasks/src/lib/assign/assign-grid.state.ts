import { computed, Injectable, signal } from '@angular/core';
import type { TaskReportingCycle, TaskResponse } from '@luoshi/contracts';
import { type BulkValues, type GroupRow, normalizeEdit, type RowEdit, type RowProblem } from './assign-grid';

const NO_CODES: string[] = [];

/** A copy of `set` with `id` in or out. */
function withMember(set: ReadonlySet<string>, id: string, on: boolean): Set<string> {
  const next = new Set(set);
  if (on) next.add(id);
  else next.delete(id);
  return next;
}

/** A copy of `map` without the given keys. */
function without<T>(map: ReadonlyMap<string, T>, ids: readonly string[]): Map<string, T> {
  return new Map([...map].filter(([id]) => !ids.includes(id)));
}

/**
 * The assignment grid's state in the browser, one per page: unsaved edits, problems shown under
 * rows, the checked rows with the bulk bar's values, and the rows being saved. The page does the
 * talking to the API.
 */
@Injectable()
export class AssignGridState {
  readonly edits = signal<ReadonlyMap<string, RowEdit>>(new Map());
  readonly problems = signal<ReadonlyMap<string, RowProblem[]>>(new Map());
  readonly selected = signal<ReadonlySet<string>>(new Set());
  readonly saving = signal<ReadonlySet<string>>(new Set());

  // The bulk bar: values for every checked row (empty = keep each row's own).
  readonly bulkLead = signal<string | null>(null);
  readonly bulkCo = signal<string[] | null>(null);
  readonly bulkDeadline = signal('');
  readonly bulkCycle = signal<TaskReportingCycle | null>(null);
  readonly bulkCoValue = computed(() => this.bulkCo() ?? NO_CODES);

  /** Another plan: nothing of the previous one is kept. */
  reset(): void {
    this.edits.set(new Map());
    this.problems.set(new Map());
    this.selected.set(new Set());
  }

  edit(task: TaskResponse, change: RowEdit): void {
    this.edits.update((all) => {
      const next = new Map(all);
      const merged = normalizeEdit(task, { ...all.get(task.id), ...change });
      // Keep what the user typed in the deadline box even when it matches (so the box does not jump).
      if (change.deadline !== undefined) merged.deadline = change.deadline;
      if (Object.keys(merged).length === 0) next.delete(task.id);
      else next.set(task.id, merged);
      return next;
    });
  }

  /** The rows' edits are saved (or abandoned). */
  dropEdits(ids: readonly string[]): void {
    this.edits.update((all) => without(all, ids));
  }

  revert(id: string): void {
    this.dropEdits([id]);
    this.setProblems(id, null);
  }

  problemFor(id: string, field: string): RowProblem | undefined {
    return this.problems()
      .get(id)
      ?.find((p) => p.field === field || (field === 'deadline' && (p.field === 'deadlineText' || p.field === 'dueDate')));
  }

  setProblems(id: string, list: RowProblem[] | null): void {
    this.problems.update((all) => (list ? new Map([...all, [id, list]]) : without(all, [id])));
  }

  addProblems(byRow: ReadonlyMap<string, RowProblem[]>): void {
    this.problems.update((all) => new Map([...all, ...byRow]));
  }

  markSaving(id: string, on: boolean): void {
    this.saving.update((set) => withMember(set, id, on));
  }

  isSelected(id: string): boolean {
    return this.selected().has(id);
  }

  toggle(id: string, on: boolean): void {
    this.selected.update((set) => withMember(set, id, on));
  }

  groupState(group: GroupRow): 'all' | 'some' | 'none' {
    const selected = this.selected();
    const n = group.taskIds.filter((id) => selected.has(id)).length;
    return n === 0 ? 'none' : n === group.taskIds.length ? 'all' : 'some';
  }

  toggleGroup(group: GroupRow, on: boolean): void {
    this.selected.update((set) => group.taskIds.reduce<ReadonlySet<string>>((next, id) => withMember(next, id, on), set));
  }

  clearSelection(): void {
    this.selected.set(new Set());
  }

  bulkValues(): BulkValues {
    return { lead: this.bulkLead(), co: this.bulkCo(), deadline: this.bulkDeadline().trim() || null, cycle: this.bulkCycle() };
  }

  /** After a bulk save or dispatch: nothing checked, the bar empty. */
  clearBulk(): void {
    this.clearSelection();
    this.bulkLead.set(null);
    this.bulkCo.set(null);
    this.bulkDeadline.set('');
    this.bulkCycle.set(null);
  }
}
