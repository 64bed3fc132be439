import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { Observable } from 'rxjs';
import { ApiPaths, type AuditEventResponse, type Page } from '@luoshi/contracts';
import { queryParams } from '@luoshi/web/core';

export interface AuditQuery {
  action?: string;
  subjectType?: string;
  actorId?: string;
  /** ISO timestamp, inclusive. */
  from?: string;
  /** ISO timestamp, exclusive. */
  to?: string;
  q?: string;
  page: number;
  pageSize: number;
}

@Injectable({ providedIn: 'root' })
export class AuditApi {
  private readonly http = inject(HttpClient);

  search(query: AuditQuery): Observable<Page<AuditEventResponse>> {
    return this.http.get<Page<AuditEventResponse>>(ApiPaths.audit, { params: queryParams(query) });
  }
}
