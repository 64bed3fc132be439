import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { Observable } from 'rxjs';
import {
  CalendarApiPaths,
  type HolidayResponse,
  type HolidayYearResponse,
  type ImportHolidaysRequest,
  type ImportHolidaysResponse,
} from '@luoshi/contracts';

/** The working-day calendar: holiday years (confirmed or not), their holidays and make-up workdays. */
@Injectable({ providedIn: 'root' })
export class CalendarApi {
  private readonly http = inject(HttpClient);

  years(): Observable<HolidayYearResponse[]> {
    return this.http.get<HolidayYearResponse[]>(CalendarApiPaths.years);
  }

  /** One year's holidays and make-up workdays, or every year's when `year` is left out. */
  holidays(year?: number): Observable<HolidayResponse[]> {
    return this.http.get<HolidayResponse[]>(CalendarApiPaths.holidays, year === undefined ? {} : { params: { year } });
  }

  confirmYear(year: number): Observable<HolidayYearResponse> {
    return this.http.put<HolidayYearResponse>(CalendarApiPaths.confirmYear(year), null);
  }

  /** 400 CALENDAR_BAD_CSV lists every bad line in `details.problems` (第3行: …). */
  importCsv(body: ImportHolidaysRequest): Observable<ImportHolidaysResponse> {
    return this.http.post<ImportHolidaysResponse>(CalendarApiPaths.import, body);
  }
}
