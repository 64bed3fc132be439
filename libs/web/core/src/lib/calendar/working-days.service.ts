import { computed, inject, Injectable, signal } from '@angular/core';
import type { HolidayResponse } from '@luoshi/contracts';
import { CalendarApi } from '../api/calendar.api';
import { isIsoWeekend, isWorkingDayIn, workingDayOnOrAfterIn } from './working-day-rule';

export { localIsoDate } from './working-day-rule';

const NO_ENTRIES: ReadonlyMap<string, HolidayResponse> = new Map();

/**
 * The holiday calendar as the office keeps it (节假日 and 调休 make-up workdays), loaded once per
 * session and shared by every date picker: 休/班 marks, and "is this a working day?" with the same
 * rule as the server's WorkingDayCalendar (working-day-rule.ts).
 */
@Injectable({ providedIn: 'root' })
export class WorkingDays {
  private readonly api = inject(CalendarApi);
  private readonly entries = signal<ReadonlyMap<string, HolidayResponse> | null>(null);
  private requested = false;

  /** True once the calendar has arrived (marks show from then on). */
  readonly loaded = computed(() => this.entries() !== null);

  /** Starts loading the calendar (idempotent; a failed load is tried again on the next call). */
  load(): void {
    if (this.requested) return;
    this.requested = true;
    this.api.holidays().subscribe({
      next: (rows) => this.entries.set(new Map(rows.map((row) => [row.date, row]))),
      error: () => (this.requested = false),
    });
  }

  /** The holiday or make-up day on this date, if any. */
  entry(iso: string): HolidayResponse | undefined {
    this.load();
    return this.entries()?.get(iso);
  }

  isWeekend(iso: string): boolean {
    return isIsoWeekend(iso);
  }

  isWorkingDay(iso: string): boolean {
    this.load();
    return isWorkingDayIn(this.entries() ?? NO_ENTRIES, iso);
  }

  /** `iso` when it is a working day, else the first working day after it. */
  workingDayOnOrAfter(iso: string): string {
    this.load();
    return workingDayOnOrAfterIn(this.entries() ?? NO_ENTRIES, iso);
  }
}
