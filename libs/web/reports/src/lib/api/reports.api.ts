import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { Observable } from 'rxjs';
import {
  type EvidenceFileResponse,
  type EvidenceOwnerType,
  type GenerateSpecialActionPlansResponse,
  type ImportChildPlanResponse,
  type ProgressReportResponse,
  ReportApiPaths,
  type SpecialActionPlanResponse,
  type UpdateProgressReportRequest,
} from '@luoshi/contracts';

const id = (value: string) => encodeURIComponent(value);

function fileBody(file: File): FormData {
  const body = new FormData();
  body.append('file', file, file.name);
  return body;
}

/**
 * Progress reports (进展填报) and their evidence, co-department contributions, extension and
 * completion requests, special action plans (专项行动计划).
 */
@Injectable({ providedIn: 'root' })
export class ReportsApi {
  private readonly http = inject(HttpClient);

  /** One report per reporting period; the API creates missing drafts on read. */
  taskReports(taskId: string): Observable<ProgressReportResponse[]> {
    return this.http.get<ProgressReportResponse[]>(ReportApiPaths.taskReports(id(taskId)));
  }

  report(reportId: string): Observable<ProgressReportResponse> {
    return this.http.get<ProgressReportResponse>(ReportApiPaths.report(id(reportId)));
  }

  /** Version-checked: 409 REPORT_STALE. */
  updateReport(reportId: string, body: UpdateProgressReportRequest): Observable<ProgressReportResponse> {
    return this.http.patch<ProgressReportResponse>(ReportApiPaths.report(id(reportId)), body);
  }

  /** 400 REPORT_INCOMPLETE / REPORT_RED_EXPLANATION_REQUIRED, 409 REPORT_PERIOD_LOCKED. */
  submitReport(reportId: string, version: number): Observable<ProgressReportResponse> {
    return this.http.post<ProgressReportResponse>(ReportApiPaths.submit(id(reportId)), { version });
  }

  /** A co-department's part (one per department). */
  contribute(reportId: string, content: string): Observable<ProgressReportResponse> {
    return this.http.post<ProgressReportResponse>(ReportApiPaths.contributions(id(reportId)), { content });
  }

  /** The lead merges contributions into the text (default: every unmerged one). */
  mergeContributions(reportId: string, version: number, contributionIds?: string[]): Observable<ProgressReportResponse> {
    return this.http.post<ProgressReportResponse>(ReportApiPaths.merge(id(reportId)), { version, contributionIds });
  }

  evidence(ownerType: EvidenceOwnerType, ownerId: string): Observable<EvidenceFileResponse[]> {
    const params = new HttpParams().set('ownerType', ownerType).set('ownerId', ownerId);
    return this.http.get<EvidenceFileResponse[]>(ReportApiPaths.evidence, { params });
  }

  /** pdf, docx, xlsx, jpg, png ≤ 20 MB, checked by content: 400 name, 413 size, 415 type. */
  uploadEvidence(ownerType: EvidenceOwnerType, ownerId: string, file: File): Observable<EvidenceFileResponse> {
    const params = new HttpParams().set('ownerType', ownerType).set('ownerId', ownerId);
    return this.http.post<EvidenceFileResponse>(ReportApiPaths.evidence, fileBody(file), { params });
  }

  /** The bytes (the download needs the bearer token, so it goes through HttpClient). */
  downloadEvidence(evidenceId: string): Observable<Blob> {
    return this.http.get(ReportApiPaths.evidenceFile(id(evidenceId)), { responseType: 'blob' });
  }

  specialActionPlans(planId: string): Observable<SpecialActionPlanResponse[]> {
    return this.http.get<SpecialActionPlanResponse[]>(ReportApiPaths.specialActionPlans, { params: { planId } });
  }

  /** One drafting task per special-action-plan duty of the plan; idempotent. */
  generateSpecialActionPlans(planId: string): Observable<GenerateSpecialActionPlansResponse> {
    return this.http.post<GenerateSpecialActionPlansResponse>(ReportApiPaths.generateSpecialActionPlans, null, { params: { planId } });
  }

  specialActionPlan(sapId: string): Observable<SpecialActionPlanResponse> {
    return this.http.get<SpecialActionPlanResponse>(ReportApiPaths.specialActionPlan(id(sapId)));
  }

  /** .docx, .txt or .md, checked by content. */
  uploadDraft(sapId: string, file: File): Observable<SpecialActionPlanResponse> {
    return this.http.post<SpecialActionPlanResponse>(`${ReportApiPaths.specialActionPlan(id(sapId))}/draft`, fileBody(file));
  }

  submitSpecialActionPlan(sapId: string, version: number): Observable<SpecialActionPlanResponse> {
    return this.http.post<SpecialActionPlanResponse>(`${ReportApiPaths.specialActionPlan(id(sapId))}/submit`, { version });
  }

  /** The leader-approved draft becomes a child plan. */
  importChildPlan(sapId: string): Observable<ImportChildPlanResponse> {
    return this.http.post<ImportChildPlanResponse>(`${ReportApiPaths.specialActionPlan(id(sapId))}/import-child-plan`, null);
  }
}
