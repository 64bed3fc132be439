import type { Role } from './roles';
import type { DepartmentResponse } from './departments';

/** The demo users' password unless LUOSHI_DEMO_PASSWORD says otherwise (satisfies the password policy). */
export const DEFAULT_DEMO_PASSWORD = 'Luoshi-Demo@2026';

/** Minimum length of a password (issue 12 row 10); common passwords are refused as well. */
export const MIN_PASSWORD_LENGTH = 12;

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

/** A single-use ticket that opens one live stream (EventSource cannot send headers; tokens never go in URLs). */
export interface StreamTicketResponse {
  ticket: string;
  /** Seconds the ticket stays redeemable. */
  expiresIn: number;
}

/** GET /api/app-info (public): the product's name as configured (APP_TITLE, APP_TITLE_EN). */
export interface AppInfoResponse {
  title: string;
  titleEn: string;
}
