import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { Observable } from 'rxjs';
import {
  ApiPaths,
  type CorrectionEntryResponse,
  type CorrectionMode,
  type MapDepartmentNameRequest,
  type MapDepartmentNameResponse,
  type IndicatorResponse,
  type PlanDutyResponse,
  type PlanImportResponse,
  type PlanNodeResponse,
  type PlanResponse,
  type PlanVersionResponse,
} from '@luoshi/contracts';

/** GET /api/plans/:id/nodes/:nodeId: the node with its own indicators and duties. */
export type PlanNodeDetail = PlanNodeResponse & { indicators: IndicatorResponse[]; duties: PlanDutyResponse[] };

export interface PlanImportOptions {
  /** true previews (nothing is written); false commits. */
  dryRun: boolean;
  /** Import as a new version of this plan (default: the plan with the same title, else a new plan). */
  planId?: string | null;
  /** Needed to commit a version that removes nodes (the API answers 409 PLAN_REMOVALS_NEED_CONFIRMATION). */
  confirmRemovals?: boolean;
  /** auto (default): corrections only for a text judged corrupted; on / off force them. */
  correctionMode?: CorrectionMode;
  /** Suggested corrections the office rejected (CorrectionResponse.id). */
  rejectedCorrections?: readonly string[];
}

/** Body of PUT /api/plan-corrections (an upsert keyed by dictionary, wrong and context). */
export interface UpsertCorrectionRequest {
  dictionary?: string;
  wrong: string;
  right: string;
  context?: string | null;
  note?: string | null;
}

const planPath = (planId: string, rest = '') => `${ApiPaths.plans}/${encodeURIComponent(planId)}${rest}`;

/** Plans: import (preview and commit), the versioned node tree, indicators, duties; the correction dictionary. */
@Injectable({ providedIn: 'root' })
export class PlansApi {
  private readonly http = inject(HttpClient);

  list(): Observable<PlanResponse[]> {
    return this.http.get<PlanResponse[]>(ApiPaths.plans);
  }

  get(planId: string): Observable<PlanResponse> {
    return this.http.get<PlanResponse>(planPath(planId));
  }

  /** The live tree as a flat list; `q` keeps the matching nodes and their ancestors. */
  tree(planId: string, q?: string): Observable<PlanNodeResponse[]> {
    const term = q?.trim();
    return this.http.get<PlanNodeResponse[]>(planPath(planId, '/tree'), { params: term ? { q: term } : {} });
  }

  node(planId: string, nodeId: string): Observable<PlanNodeDetail> {
    return this.http.get<PlanNodeDetail>(planPath(planId, `/nodes/${encodeURIComponent(nodeId)}`));
  }

  indicators(planId: string): Observable<IndicatorResponse[]> {
    return this.http.get<IndicatorResponse[]>(planPath(planId, '/indicators'));
  }

  duties(planId: string): Observable<PlanDutyResponse[]> {
    return this.http.get<PlanDutyResponse[]>(planPath(planId, '/duties'));
  }

  versions(planId: string): Observable<PlanVersionResponse[]> {
    return this.http.get<PlanVersionResponse[]>(planPath(planId, '/versions'));
  }

  importPlan(file: File, options: PlanImportOptions): Observable<PlanImportResponse> {
    const body = new FormData();
    body.append('file', file, file.name);
    if (options.correctionMode) body.append('correctionMode', options.correctionMode);
    if (options.rejectedCorrections?.length) body.append('rejectedCorrections', JSON.stringify(options.rejectedCorrections));
    let params = new HttpParams().set('dryRun', String(options.dryRun));
    if (options.planId) params = params.set('planId', options.planId);
    if (options.confirmRemovals) params = params.set('confirmRemovals', 'true');
    return this.http.post<PlanImportResponse>(ApiPaths.planImport, body, { params });
  }

  /** A department name from a plan's duties becomes an alias of a department, or a new department. */
  mapDepartment(body: MapDepartmentNameRequest): Observable<MapDepartmentNameResponse> {
    return this.http.post<MapDepartmentNameResponse>(ApiPaths.planDepartmentMappings, body);
  }

  corrections(): Observable<CorrectionEntryResponse[]> {
    return this.http.get<CorrectionEntryResponse[]>(ApiPaths.planCorrections);
  }

  upsertCorrection(body: UpsertCorrectionRequest): Observable<CorrectionEntryResponse> {
    return this.http.put<CorrectionEntryResponse>(ApiPaths.planCorrections, body);
  }

  removeCorrection(id: string): Observable<void> {
    return this.http.delete<void>(`${ApiPaths.planCorrections}/${encodeURIComponent(id)}`);
  }
}
