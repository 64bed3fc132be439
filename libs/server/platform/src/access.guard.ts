import { CanActivate, ExecutionContext, Inject, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ACCESS_POLICY_KEY, ALLOW_STREAM_TICKET_KEY, type AccessPolicy, type AuthenticatedRequest, type AuthUser, hasAnyRole } from './access-policy';
import { DomainException } from './domain.exception';

/** Turns a bearer token into the live user, or null when it is invalid, expired or its session revoked. */
export interface AccessTokenVerifier {
  verify(token: string): Promise<AuthUser | null>;
  /** Redeems a single-use stream ticket (see AllowStreamTicket); null when unknown, used or expired. */
  redeemStreamTicket(ticket: string): Promise<AuthUser | null>;
}
export const ACCESS_TOKEN_VERIFIER = Symbol('ACCESS_TOKEN_VERIFIER');

/**
 * Global guard, deny by default: a route must declare @Public, @Authenticated or @AllowRoles,
 * otherwise it answers 403 POLICY_MISSING (and a test lists every route to catch it earlier).
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly logger = new Logger(AccessGuard.name);

  constructor(
    private readonly reflector: Reflector,
    @Inject(ACCESS_TOKEN_VERIFIER) private readonly verifier: AccessTokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const policy = this.reflector.getAllAndOverride<AccessPolicy | undefined>(ACCESS_POLICY_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!policy) {
      this.logger.error(`route ${context.getClass().name}.${context.getHandler().name} declares no access policy`);
      throw new DomainException(403, 'POLICY_MISSING', '此接口未声明访问策略，已拒绝', 'Route declares no access policy; denied');
    }
    if (policy.kind === 'public') return true;

    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const header = request.headers.authorization ?? '';
    const token = header.startsWith('Bearer ') ? header.slice(7).trim() : '';
    const ticket = !token && this.reflector.get<boolean>(ALLOW_STREAM_TICKET_KEY, context.getHandler()) ? request.query['ticket'] : undefined;
    const user = token
      ? await this.verifier.verify(token)
      : typeof ticket === 'string' && ticket.length > 0 && ticket.length <= 200
        ? await this.verifier.redeemStreamTicket(ticket)
        : null;
    if (!user) {
      throw new DomainException(401, 'UNAUTHENTICATED', '未登录或登录已过期', 'Not signed in or the session has expired');
    }
    request.user = user;
    if (policy.kind === 'roles' && !hasAnyRole(user, policy.roles)) {
      throw new DomainException(403, 'FORBIDDEN', '当前角色无权执行此操作', `Requires one of the roles: ${policy.roles.join(', ')}`);
    }
    return true;
  }
}
