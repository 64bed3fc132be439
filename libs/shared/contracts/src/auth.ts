import type { Role } from './roles';
import type { DepartmentResponse } from './departments';

export interface LoginRequest {
  username: string;
  password: string;
}

export interface RefreshRequest {
  refreshToken: string;
}

export interface UserResponse {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  department: DepartmentResponse;
  active: boolean;
}

export interface LoginResponse {
  accessToken: string;
  refreshToken: string;
  /** Seconds until the access token expires. */
  expiresIn: number;
  user: UserResponse;
}

export interface CreateUserRequest {
  username: string;
  displayName: string;
  password: string;
  departmentCode: string;
  roles: Role[];
}

export interface UpdateUserRequest {
  displayName?: string;
  departmentCode?: string;
  roles?: Role[];
  active?: boolean;
  password?: string;
}
