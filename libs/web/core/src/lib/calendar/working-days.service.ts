import { computed, inject, Injectable, signal } from '@angular/core';
import type { HolidayResponse } from '@luoshi/contracts';
import { CalendarApi } from '../api/calendar.api';

/** 'YYYY-MM-DD' of a local date (what a date picker hands back). */
export function localIsoDate(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

/** Days scanned for the next working day at most: no real calendar rests longer (the server's bound too). */
const MAX_SCAN_DAYS = 366;

function addDays(iso: string, n: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, (d ?? 1) + n)).toISOString().slice(0, 10);
}

function weekday(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1)).getUTCDay();
}

/**
 * The holiday calendar as the office keeps it (节假日 and 调休 make-up workdays), loaded once per
 * session and shared by every date picker: 休/班 marks, and "is this a working day?" with the same
 * rule as the server's WorkingDayCalendar (Mon–Fri unless a holiday, Sat/Sun only as a make-up day).
 */
@Injectable({ providedIn: 'root' })
export class WorkingDays {
  private readonly api = inject(CalendarApi);
  private readonly entries = signal<ReadonlyMap<string, HolidayResponse> | null>(null);
  private requested = false;

  /** True once the calendar has arrived (marks show from then on). */
  readonly loaded = computed(() => this.entries() !== null);

  /** Starts loading the calendar (idempotent; a failed load is retried on the next call). */
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
    const day = weekday(iso);
    return day === 0 || day === 6;
  }

  isWorkingDay(iso: string): boolean {
    const entry = this.entry(iso);
    if (entry) return entry.kind === 'makeupWorkday';
    return !this.isWeekend(iso);
  }

  /** `iso` when it is a working day, else the first working day after it. */
  workingDayOnOrAfter(iso: string): string {
    let day = iso;
    for (let i = 0; i < MAX_SCAN_DAYS && !this.isWorkingDay(day); i++) day = addDays(day, 1);
    return day;
  }
}
