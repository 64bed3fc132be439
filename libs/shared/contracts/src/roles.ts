/** Roles a user can hold (architecture §1). */
export const ROLES = ['office_admin', 'office_reviewer', 'dept_liaison', 'dept_head', 'leader', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/** Roles that see every department's work. */
export const OFFICE_WIDE_ROLES: readonly Role[] = ['office_admin', 'office_reviewer', 'leader', 'viewer'];

/** The office's working roles: they assign, review and are told of what the office handles. */
export const OFFICE_ROLES: readonly Role[] = ['office_admin', 'office_reviewer'];

/** A department's working roles: they accept, report and are told of their department's tasks. */
export const DEPARTMENT_ROLES: readonly Role[] = ['dept_liaison', 'dept_head'];

export const ROLE_LABELS: Record<Role, { zh: string; en: string }> = {
  office_admin: { zh: '办公室管理员', en: 'Office administrator' },
  office_reviewer: { zh: '办公室审核员', en: 'Office reviewer' },
  dept_liaison: { zh: '部门联络员', en: 'Department liaison' },
  dept_head: { zh: '部门负责人', en: 'Department head' },
  leader: { zh: '领导小组领导', en: 'Leader' },
  viewer: { zh: '只读用户', en: 'Viewer' },
};
