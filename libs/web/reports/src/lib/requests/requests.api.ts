import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { Observable } from 'rxjs';
import type { CreateTaskRequest, TaskRequestResponse } from '@luoshi/contracts';

const id = (value: string) => encodeURIComponent(value);

/** Requests about a task (延期, 办结, 任务变更 …): one set of routes for every kind. */
@Injectable({ providedIn: 'root' })
export class RequestsApi {
  private readonly http = inject(HttpClient);

  /** Every kind, oldest first. */
  list(taskId: string): Observable<TaskRequestResponse[]> {
    return this.http.get<TaskRequestResponse[]>(`/api/tasks/${id(taskId)}/requests`);
  }

  get(requestId: string): Observable<TaskRequestResponse> {
    return this.http.get<TaskRequestResponse>(`/api/requests/${id(requestId)}`);
  }

  /** Filed and sent into approval at once; only the lead department's liaison or head may. */
  create(taskId: string, body: CreateTaskRequest): Observable<TaskRequestResponse> {
    return this.http.post<TaskRequestResponse>(`/api/tasks/${id(taskId)}/requests`, body);
  }
}
