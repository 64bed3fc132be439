/** API routes shared by the server and the web app. All are under /api. */
export const API_PREFIX = 'api';

export const ApiPaths = {
  health: '/api/health',
  appInfo: '/api/app-info',
  login: '/api/auth/login',
  refresh: '/api/auth/refresh',
  logout: '/api/auth/logout',
  me: '/api/auth/me',
  streamTicket: '/api/auth/stream-ticket',
  users: '/api/users',
  departments: '/api/departments',
  audit: '/api/audit',
  plans: '/api/plans',
  planImport: '/api/plans/import',
  planCorrections: '/api/plan-corrections',
  planDepartmentMappings: '/api/plans/department-mappings',
  tasks: '/api/tasks',
} as const;
