import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Request } from 'express';
import { OFFICE_WIDE_ROLES, type Role } from '@luoshi/contracts';

/** The signed-in user, as the access token and its live session say. */
export interface AuthUser {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  departmentId: string;
  departmentCode: string;
  sessionId: string;
}

/** Who acts, from where, in which request: what the audit log records. */
export interface RequestActor {
  user: AuthUser | null;
  requestId: string | null;
  ip: string | null;
}

/** The actor of a route guarded by any policy but public: the access guard let only a signed-in user through. */
export type SignedInActor = RequestActor & { user: AuthUser };

/** A guarded route's actor, typed as signed in. */
export const signedIn = (actor: RequestActor): SignedInActor => actor as SignedInActor;

export type AccessPolicy = { kind: 'public' } | { kind: 'authenticated' } | { kind: 'roles'; roles: Role[] };

export const ACCESS_POLICY_KEY = 'luoshi:access-policy';

/** Anyone, signed in or not (login, health, docs). */
export const Public = () => SetMetadata(ACCESS_POLICY_KEY, { kind: 'public' } satisfies AccessPolicy);
/** Any signed-in user; the service applies the department scope. */
export const Authenticated = () => SetMetadata(ACCESS_POLICY_KEY, { kind: 'authenticated' } satisfies AccessPolicy);
/** Only users holding one of these roles. */
export const AllowRoles = (...roles: Role[]) =>
  SetMetadata(ACCESS_POLICY_KEY, { kind: 'roles', roles } satisfies AccessPolicy);

/**
 * Lets a GET route (a server-sent events stream: EventSource cannot send headers) be opened with
 * ?ticket=… — a single-use, 30-second ticket from POST /api/auth/stream-ticket — instead of a
 * bearer header. Access tokens never travel in URLs.
 */
export const ALLOW_STREAM_TICKET_KEY = 'luoshi:allow-stream-ticket';
export const AllowStreamTicket = () => SetMetadata(ALLOW_STREAM_TICKET_KEY, true);

/** Redis channel on which a session's end (logout, password reset, deactivation) is announced to every API instance. */
export function sessionEndedChannel(redisPrefix: string): string {
  return `${redisPrefix}:session-ended`;
}

/** What is published on sessionEndedChannel: one session, or every session of a user. */
export interface SessionEnded {
  sessionId?: string;
  userId?: string;
}

export type AuthenticatedRequest = Request & { id?: string; user?: AuthUser };

export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): AuthUser => {
  const user = ctx.switchToHttp().getRequest<AuthenticatedRequest>().user;
  if (!user) throw new Error('CurrentUser used on a route without authentication');
  return user;
});

export function actorOf(request: AuthenticatedRequest): RequestActor {
  return { user: request.user ?? null, requestId: request.id ? String(request.id) : null, ip: request.ip ?? null };
}

export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): RequestActor =>
  actorOf(ctx.switchToHttp().getRequest<AuthenticatedRequest>()),
);

export function hasAnyRole(user: Pick<AuthUser, 'roles'>, roles: readonly Role[]): boolean {
  return user.roles.some((r) => roles.includes(r));
}

/** Office roles, leaders and viewers see every department; everyone else sees their own. */
export function seesAllDepartments(user: Pick<AuthUser, 'roles'>): boolean {
  return hasAnyRole(user, OFFICE_WIDE_ROLES);
}
