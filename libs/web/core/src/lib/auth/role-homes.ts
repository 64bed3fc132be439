import type { Role } from '@luoshi/contracts';

/** When a user holds several roles, the first one in this list picks their home page. */
export const ROLE_PRIORITY: readonly Role[] = ['office_admin', 'office_reviewer', 'leader', 'dept_head', 'dept_liaison', 'viewer'];

export const ROLE_HOME: Readonly<Record<Role, string>> = {
  office_admin: '/office',
  office_reviewer: '/review',
  leader: '/cockpit',
  dept_head: '/dept',
  dept_liaison: '/dept',
  viewer: '/overview',
};

export function primaryRole(roles: readonly Role[]): Role | null {
  return ROLE_PRIORITY.find((role) => roles.includes(role)) ?? null;
}

export function homePathFor(roles: readonly Role[]): string {
  const role = primaryRole(roles);
  return role ? ROLE_HOME[role] : '/forbidden';
}
