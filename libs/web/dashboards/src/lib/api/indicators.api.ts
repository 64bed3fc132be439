import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { Observable } from 'rxjs';
import {
  IndicatorApiPaths,
  type IndicatorDetailResponse,
  type IndicatorTrackingResponse,
  type IndicatorValueResponse,
  type IndicatorValueStatus,
  type ReportIndicatorValueRequest,
  type UpdateIndicatorRequest,
} from '@luoshi/contracts';
import { queryParams } from '@luoshi/web/core';

/** Indicators (指标): tracking, the office's settings, the departments' values and the reviewer's decisions. */
@Injectable({ providedIn: 'root' })
export class IndicatorsApi {
  private readonly http = inject(HttpClient);

  list(planId: string): Observable<IndicatorTrackingResponse[]> {
    return this.http.get<IndicatorTrackingResponse[]>(IndicatorApiPaths.indicators, { params: { planId } });
  }

  get(id: string): Observable<IndicatorDetailResponse> {
    return this.http.get<IndicatorDetailResponse>(IndicatorApiPaths.indicator(encodeURIComponent(id)));
  }

  /** office_admin: the responsible department and the baseline (baseline and year together). */
  update(id: string, body: UpdateIndicatorRequest): Observable<IndicatorDetailResponse> {
    return this.http.patch<IndicatorDetailResponse>(IndicatorApiPaths.indicator(encodeURIComponent(id)), body);
  }

  /** The responsible department's liaison or head. */
  report(id: string, body: ReportIndicatorValueRequest): Observable<IndicatorValueResponse> {
    return this.http.post<IndicatorValueResponse>(IndicatorApiPaths.values(encodeURIComponent(id)), body);
  }

  values(query: { status?: IndicatorValueStatus; planId?: string }): Observable<IndicatorValueResponse[]> {
    return this.http.get<IndicatorValueResponse[]>(IndicatorApiPaths.reviewQueue, { params: queryParams(query) });
  }

  approve(valueId: string, comment?: string): Observable<IndicatorValueResponse> {
    return this.http.post<IndicatorValueResponse>(IndicatorApiPaths.approve(encodeURIComponent(valueId)), comment ? { comment } : {});
  }

  /** 退回: the comment is required. */
  returnValue(valueId: string, comment: string): Observable<IndicatorValueResponse> {
    return this.http.post<IndicatorValueResponse>(IndicatorApiPaths.return(encodeURIComponent(valueId)), { comment });
  }
}
