import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { Observable } from 'rxjs';
import {
  ApiPaths,
  type CreateUserRequest,
  type DepartmentKind,
  type DepartmentResponse,
  type UpdateUserRequest,
  type UserResponse,
} from '@luoshi/contracts';

/** Body of POST /api/departments (mirrors CreateDepartmentDto on the server). */
export interface CreateDepartmentRequest {
  code: string;
  name: string;
  shortName?: string;
  kind: DepartmentKind;
  parentCode?: string;
  aliases?: string[];
}

/** Body of PATCH /api/departments/:id. */
export interface UpdateDepartmentRequest {
  name?: string;
  shortName?: string;
  aliases?: string[];
}

/** The department directory and user accounts. */
@Injectable({ providedIn: 'root' })
export class DirectoryApi {
  private readonly http = inject(HttpClient);

  departments(): Observable<DepartmentResponse[]> {
    return this.http.get<DepartmentResponse[]>(ApiPaths.departments);
  }

  createDepartment(body: CreateDepartmentRequest): Observable<DepartmentResponse> {
    return this.http.post<DepartmentResponse>(ApiPaths.departments, body);
  }

  updateDepartment(id: string, body: UpdateDepartmentRequest): Observable<DepartmentResponse> {
    return this.http.patch<DepartmentResponse>(`${ApiPaths.departments}/${encodeURIComponent(id)}`, body);
  }

  users(): Observable<UserResponse[]> {
    return this.http.get<UserResponse[]>(ApiPaths.users);
  }

  createUser(body: CreateUserRequest): Observable<UserResponse> {
    return this.http.post<UserResponse>(ApiPaths.users, body);
  }

  updateUser(id: string, body: UpdateUserRequest): Observable<UserResponse> {
    return this.http.patch<UserResponse>(`${ApiPaths.users}/${encodeURIComponent(id)}`, body);
  }
}
