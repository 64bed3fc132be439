/**
 * Who may call what: every route of the API × every caller × the caller's own department and
 * another one, with the expected answer. A new route without a row fails the access-matrix test.
 *
 * Answers: `allow` (passes the access checks: any status but 401/403), `deny` (403),
 * `hidden` (403 or 404: a subject of another department), `unauthenticated` (401).
 * A cell is one answer for both departments, or [own department, other department].
 */
import { ROLES, type Role } from '@luoshi/contracts';

export type Answer = 'allow' | 'deny' | 'hidden' | 'unauthenticated';
export type Cell = Answer | [Answer, Answer];
export const CALLERS = ['anonymous', 'office_admin', 'office_reviewer', 'leader', 'viewer', 'dept_liaison', 'dept_head'] as const;
export type Caller = (typeof CALLERS)[number];
export type MatrixRow = Record<Caller, Cell>;

/** The same answer for every caller. */
const everyone = (answer: Answer): MatrixRow => Object.fromEntries(CALLERS.map((caller) => [caller, answer])) as MatrixRow;
/** Signed-in callers with one of `roles` pass; the other roles are refused (403), anonymous callers 401. */
const only = (...roles: Role[]): MatrixRow =>
  Object.fromEntries(CALLERS.map((caller) => [caller, caller === 'anonymous' ? 'unauthenticated' : roles.includes(caller) ? 'allow' : 'deny'])) as MatrixRow;

/** Open to anyone, signed in or not. */
const PUBLIC = everyone('allow');
/** Any signed-in caller; anonymous callers 401. */
const SIGNED_IN = only(...ROLES);
/** A department role's cell for a subject of a department: its own department's passes, another's is refused. */
const OWN_DEPARTMENT_ONLY: Cell = ['allow', 'deny'];

export const ACCESS_MATRIX: Record<string, MatrixRow> = {
  'GET /api/health': PUBLIC,
  'GET /api/app-info': PUBLIC,
  'GET /api/audit': only('office_admin'),
  'POST /api/auth/login': PUBLIC,
  // Public, but the refresh token is the credential: without one (body or cookie) every caller is 401.
  'POST /api/auth/refresh': everyone('unauthenticated'),
  'POST /api/auth/logout': SIGNED_IN,
  'POST /api/auth/stream-ticket': SIGNED_IN,
  'GET /api/auth/me': SIGNED_IN,
  'GET /api/departments': SIGNED_IN,
  'POST /api/departments': only('office_admin'),
  'PATCH /api/departments/{id}': only('office_admin'),
  'GET /api/users': only('office_admin'),
  'POST /api/users': only('office_admin'),
  'PATCH /api/users/{id}': only('office_admin'),
  'GET /api/notifications': SIGNED_IN,
  'GET /api/notifications/unread-count': SIGNED_IN,
  'GET /api/notifications/stream': SIGNED_IN,
  'POST /api/notifications/read': SIGNED_IN,
  'GET /api/notifications/preferences': SIGNED_IN,
  'PUT /api/notifications/preferences': SIGNED_IN,
  'GET /api/notifications/webhooks': only('office_admin'),
  'POST /api/notifications/webhooks': only('office_admin'),
  'DELETE /api/notifications/webhooks/{id}': only('office_admin'),
  'GET /api/notifications/deliveries': only('office_admin'),
  'POST /api/notifications/deliveries/{id}/retry': only('office_admin'),
  'GET /api/reminders/rules': only('office_admin', 'office_reviewer'),
  'PUT /api/reminders/rules': only('office_admin'),
  'GET /api/reminders/tasks/{taskId}': only('office_admin', 'office_reviewer', 'leader'),
  'POST /api/reminders/queue-board-session': only('office_admin'),
  'POST /api/reminders/reconcile': only('office_admin'),
  'GET /api/calendar/years': SIGNED_IN,
  'GET /api/calendar/holidays': SIGNED_IN,
  'PUT /api/calendar/years/{year}/confirm': only('office_admin'),
  'POST /api/calendar/import': only('office_admin'),
  'GET /api/calendar/working-days': SIGNED_IN,
  'POST /api/plans/department-mappings': only('office_admin'),
  'POST /api/plans/import': only('office_admin'),
  'GET /api/plans': SIGNED_IN,
  'GET /api/plans/{planId}': SIGNED_IN,
  'GET /api/plans/{planId}/tree': SIGNED_IN,
  'GET /api/plans/{planId}/nodes/{nodeId}': SIGNED_IN,
  'GET /api/plans/{planId}/indicators': SIGNED_IN,
  'GET /api/plans/{planId}/duties': SIGNED_IN,
  'GET /api/plans/{planId}/versions': SIGNED_IN,
  'GET /api/plan-corrections': only('office_admin', 'office_reviewer'),
  'PUT /api/plan-corrections': only('office_admin', 'office_reviewer'),
  'DELETE /api/plan-corrections/{id}': only('office_admin', 'office_reviewer'),
  'POST /api/plans/{planId}/tasks/generate': only('office_admin'),
  'GET /api/tasks': SIGNED_IN,
  'GET /api/tasks/export.xlsx': SIGNED_IN,
  'POST /api/tasks/import-assignments': only('office_admin'),
  'POST /api/tasks/bulk-assign': only('office_admin'),
  'GET /api/tasks/{id}': { ...SIGNED_IN, dept_liaison: OWN_DEPARTMENT_ONLY, dept_head: OWN_DEPARTMENT_ONLY },
  'PATCH /api/tasks/{id}': only('office_admin'),
  'POST /api/tasks/{id}/split': only('office_admin'),
  'GET /api/tasks/{id}/suggestions': only('office_admin', 'office_reviewer'),
  'POST /api/tasks/{id}/accept': only('dept_liaison', 'dept_head'),
  'POST /api/tasks/{id}/return': only('dept_liaison', 'dept_head'),
  'POST /api/tasks/{id}/suspend': only('office_admin'),
  'POST /api/tasks/{id}/resume': only('office_admin'),
  'POST /api/tasks/{id}/cancel': only('office_admin'),
  'POST /api/tasks/{id}/reassign': only('office_admin'),
  'GET /api/instructions': only('office_admin', 'office_reviewer', 'leader', 'viewer'),
  'POST /api/tasks/{id}/instructions': only('leader'),
  'POST /api/tasks/{id}/instructions/{instructionId}/answer': only('dept_liaison', 'dept_head'),
  'POST /api/tasks/{id}/comments': SIGNED_IN,
  'POST /api/tasks/{id}/urge': only('office_admin', 'office_reviewer'),
  'GET /api/indicators': SIGNED_IN,
  'GET /api/indicators/values': SIGNED_IN,
  'POST /api/indicators/values/{valueId}/approve': only('office_reviewer'),
  'POST /api/indicators/values/{valueId}/return': only('office_reviewer'),
  'GET /api/indicators/{id}': SIGNED_IN,
  'PATCH /api/indicators/{id}': only('office_admin'),
  'POST /api/indicators/{id}/values': only('dept_liaison', 'dept_head'),
  'GET /api/dashboards/summary': SIGNED_IN,
  'GET /api/evaluation/weights': SIGNED_IN,
  'PUT /api/evaluation/weights': only('office_admin'),
  'GET /api/evaluation/ranking': only('office_admin', 'office_reviewer', 'leader', 'viewer'),
  'GET /api/evaluation/departments/{code}': SIGNED_IN,
  'GET /api/bulletins/{period}.docx': only('office_admin', 'office_reviewer', 'leader'),
  'GET /api/bulletins/{period}.xlsx': only('office_admin', 'office_reviewer', 'leader'),
  'GET /api/bulletins/{period}': only('office_admin', 'office_reviewer', 'leader'),
  'GET /api/public/summary': PUBLIC,
  'GET /api/public/summary/settings': only('office_admin', 'office_reviewer', 'leader'),
  'PUT /api/public/summary/settings': only('office_admin'),
  'GET /api/approvals/inbox': SIGNED_IN,
  'GET /api/approvals/delegations': SIGNED_IN,
  'POST /api/approvals/delegations': only('office_admin', 'office_reviewer', 'leader', 'dept_liaison', 'dept_head'),
  'PATCH /api/approvals/delegations/{id}': only('office_admin', 'office_reviewer', 'leader', 'dept_liaison', 'dept_head'),
  'DELETE /api/approvals/delegations/{id}': only('office_admin', 'office_reviewer', 'leader', 'dept_liaison', 'dept_head'),
  'POST /api/approvals/bulk-approve': only('office_admin', 'office_reviewer'),
  'GET /api/approvals/{id}': SIGNED_IN,
  'POST /api/approvals/{id}/actions': SIGNED_IN,
  'GET /api/approval-templates': only('office_admin'),
  'GET /api/approval-templates/{code}': only('office_admin'),
  'PUT /api/approval-templates/{code}': only('office_admin'),
  'GET /api/tasks/{taskId}/reports': { ...SIGNED_IN, dept_liaison: OWN_DEPARTMENT_ONLY, dept_head: OWN_DEPARTMENT_ONLY },
  'GET /api/tasks/{taskId}/requests': { ...SIGNED_IN, dept_liaison: OWN_DEPARTMENT_ONLY, dept_head: OWN_DEPARTMENT_ONLY },
  'POST /api/tasks/{taskId}/requests': only('dept_liaison', 'dept_head'),
  'GET /api/requests/{id}': SIGNED_IN,
  'GET /api/reports/{id}': SIGNED_IN,
  'PATCH /api/reports/{id}': only('dept_liaison', 'dept_head'),
  'POST /api/reports/{id}/submit': only('dept_liaison', 'dept_head'),
  'POST /api/reports/{id}/contributions': only('dept_liaison', 'dept_head'),
  'POST /api/reports/{id}/merge-contributions': only('dept_liaison', 'dept_head'),
  'GET /api/evidence': SIGNED_IN,
  'POST /api/evidence': only('dept_liaison', 'dept_head'),
  'GET /api/evidence/{id}': SIGNED_IN,
  'POST /api/special-action-plans/generate': only('office_admin'),
  'GET /api/special-action-plans': SIGNED_IN,
  'GET /api/special-action-plans/{id}': SIGNED_IN,
  'POST /api/special-action-plans/{id}/draft': only('dept_liaison', 'dept_head'),
  'POST /api/special-action-plans/{id}/submit': only('dept_liaison', 'dept_head'),
  'POST /api/special-action-plans/{id}/import-child-plan': only('office_admin'),
};
