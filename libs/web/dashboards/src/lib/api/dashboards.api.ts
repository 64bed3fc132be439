import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { Observable } from 'rxjs';
import {
  type BulletinResponse,
  DashboardApiPaths,
  type DashboardSummaryQuery,
  type DashboardSummaryResponse,
  type EvaluationDepartmentResponse,
  type EvaluationRankingResponse,
  type EvaluationWeights,
  type EvaluationWeightsResponse,
  type PublicSummaryResponse,
  type PublicSummarySettingsResponse,
  type UpdatePublicSummarySettingsRequest,
} from '@luoshi/contracts';
import { anonymous, queryParams } from '@luoshi/web/core';

/** The dashboard, evaluation (考核), supervision bulletins (督查通报) and the public summary. */
@Injectable({ providedIn: 'root' })
export class DashboardsApi {
  private readonly http = inject(HttpClient);

  summary(query: DashboardSummaryQuery): Observable<DashboardSummaryResponse> {
    return this.http.get<DashboardSummaryResponse>(DashboardApiPaths.summary, { params: queryParams(query) });
  }

  weights(): Observable<EvaluationWeightsResponse> {
    return this.http.get<EvaluationWeightsResponse>(DashboardApiPaths.evaluationWeights);
  }

  /** office_admin; whole numbers summing to 100 (400 otherwise). */
  setWeights(weights: EvaluationWeights): Observable<EvaluationWeightsResponse> {
    return this.http.put<EvaluationWeightsResponse>(DashboardApiPaths.evaluationWeights, weights);
  }

  ranking(planId?: string | null): Observable<EvaluationRankingResponse> {
    return this.http.get<EvaluationRankingResponse>(DashboardApiPaths.evaluationRanking, { params: queryParams({ planId }) });
  }

  department(code: string, planId?: string | null): Observable<EvaluationDepartmentResponse> {
    return this.http.get<EvaluationDepartmentResponse>(DashboardApiPaths.evaluationDepartment(encodeURIComponent(code)), {
      params: queryParams({ planId }),
    });
  }

  bulletin(period: string, planId?: string | null): Observable<BulletinResponse> {
    return this.http.get<BulletinResponse>(DashboardApiPaths.bulletin(encodeURIComponent(period)), { params: queryParams({ planId }) });
  }

  /** The bulletin as a .docx or .xlsx file. */
  bulletinFile(period: string, format: 'docx' | 'xlsx', planId?: string | null): Observable<Blob> {
    const path = format === 'docx' ? DashboardApiPaths.bulletinDocx(encodeURIComponent(period)) : DashboardApiPaths.bulletinXlsx(encodeURIComponent(period));
    return this.http.get(path, { params: queryParams({ planId }), responseType: 'blob' });
  }

  /** No login needed; 404 PUBLIC_SUMMARY_OFF while switched off. */
  publicSummary(): Observable<PublicSummaryResponse> {
    return this.http.get<PublicSummaryResponse>(DashboardApiPaths.publicSummary, { context: anonymous() });
  }

  publicSettings(): Observable<PublicSummarySettingsResponse> {
    return this.http.get<PublicSummarySettingsResponse>(DashboardApiPaths.publicSummarySettings);
  }

  setPublicSettings(body: UpdatePublicSummarySettingsRequest): Observable<PublicSummarySettingsResponse> {
    return this.http.put<PublicSummarySettingsResponse>(DashboardApiPaths.publicSummarySettings, body);
  }
}
