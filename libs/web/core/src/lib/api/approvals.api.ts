import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { Observable } from 'rxjs';
import {
  type ApprovalActionRequest,
  ApprovalApiPaths,
  type ApprovalDelegationResponse,
  type ApprovalDetailResponse,
  type ApprovalInboxBox,
  type ApprovalInboxResponse,
  type ApprovalTemplateResponse,
  type BulkApproveResponse,
  type CreateApprovalDelegationRequest,
  type UpdateApprovalTemplateRequest,
} from '@luoshi/contracts';

/** Body of PATCH /api/approvals/delegations/:id. */
export interface UpdateApprovalDelegationRequest {
  fromDate?: string;
  toDate?: string;
  reason?: string;
}

const id = (value: string) => encodeURIComponent(value);

/** Approvals (审批): the inbox, one instance and its actions, bulk approve, delegations (委托), templates. */
@Injectable({ providedIn: 'root' })
export class ApprovalsApi {
  private readonly http = inject(HttpClient);

  /** One box (todo / done / cc) with the counts of all three; at most 100 a page. */
  inbox(box: ApprovalInboxBox, page = 1, pageSize = 20): Observable<ApprovalInboxResponse> {
    const params = new HttpParams().set('box', box).set('page', page).set('pageSize', pageSize);
    return this.http.get<ApprovalInboxResponse>(ApprovalApiPaths.inbox, { params });
  }

  get(approvalId: string): Observable<ApprovalDetailResponse> {
    return this.http.get<ApprovalDetailResponse>(ApprovalApiPaths.approval(id(approvalId)));
  }

  /** At the version the caller saw: 409 APPROVAL_STALE when someone acted meanwhile. Answers the new detail. */
  act(approvalId: string, body: ApprovalActionRequest): Observable<ApprovalDetailResponse> {
    return this.http.post<ApprovalDetailResponse>(ApprovalApiPaths.actions(id(approvalId)), body);
  }

  /** 批量审批 (office): each id on its own; the answer lists every id's result. */
  bulkApprove(ids: string[], comment?: string): Observable<BulkApproveResponse> {
    return this.http.post<BulkApproveResponse>(ApprovalApiPaths.bulkApprove, { ids, comment });
  }

  delegations(): Observable<ApprovalDelegationResponse[]> {
    return this.http.get<ApprovalDelegationResponse[]>(ApprovalApiPaths.delegations);
  }

  createDelegation(body: CreateApprovalDelegationRequest): Observable<ApprovalDelegationResponse> {
    return this.http.post<ApprovalDelegationResponse>(ApprovalApiPaths.delegations, body);
  }

  updateDelegation(delegationId: string, body: UpdateApprovalDelegationRequest): Observable<ApprovalDelegationResponse> {
    return this.http.patch<ApprovalDelegationResponse>(`${ApprovalApiPaths.delegations}/${id(delegationId)}`, body);
  }

  /** Revokes (the row is kept). */
  revokeDelegation(delegationId: string): Observable<void> {
    return this.http.delete<void>(`${ApprovalApiPaths.delegations}/${id(delegationId)}`);
  }

  templates(): Observable<ApprovalTemplateResponse[]> {
    return this.http.get<ApprovalTemplateResponse[]>(ApprovalApiPaths.templates);
  }

  template(code: string): Observable<ApprovalTemplateResponse> {
    return this.http.get<ApprovalTemplateResponse>(ApprovalApiPaths.template(id(code)));
  }

  /** Bumps the version; 400 names the offending path (steps[0].approvers[0].role), 409 APPROVAL_TEMPLATE_STALE. */
  updateTemplate(code: string, body: UpdateApprovalTemplateRequest): Observable<ApprovalTemplateResponse> {
    return this.http.put<ApprovalTemplateResponse>(ApprovalApiPaths.template(id(code)), body);
  }
}
