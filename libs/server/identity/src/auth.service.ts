import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomBytes } from 'node:crypto';
import type Redis from 'ioredis';
import { DataSource } from 'typeorm';
import type { LoginResponse, StreamTicketResponse } from '@luoshi/contracts';
import { AuditService } from '@luoshi/server/audit';
import {
  APP_CONFIG,
  type AccessTokenVerifier,
  type AppConfig,
  type AuthUser,
  REDIS_CLIENT,
  type RequestActor,
  type SessionEnded,
  sessionEndedChannel,
  type SignedInActor,
} from '@luoshi/server/platform';
import { AuthSessionEntity } from './auth-session.entity';
import { IdentityException } from './identity.exception';
import { LoginThrottler } from './login-throttler';
import { dummyPasswordHash, verifyPassword } from './password-hasher';
import { toUserResponse, UserEntity } from './user.entity';

interface AccessTokenClaims {
  sub: string;
  sid: string;
}

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

/** How long a stream ticket can be redeemed; it opens one stream, once. */
const STREAM_TICKET_SECONDS = 30;

@Injectable()
export class AuthService implements AccessTokenVerifier {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jwt: JwtService,
    private readonly throttler: LoginThrottler,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
  ) {}

  async login(username: string, password: string, actor: RequestActor, userAgent: string | null): Promise<LoginResponse> {
    const ip = actor.ip ?? 'unknown';
    await this.throttler.assertAllowed(username, ip);
    const user = await this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .innerJoinAndSelect('u.department', 'd')
      .where('lower(u.username) = lower(:username)', { username })
      .getOne();
    const ok = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
    if (!user || !ok || !this.mayUse(user)) {
      await this.throttler.recordFailure(username, ip);
      await this.dataSource.transaction((m) =>
        this.audit.record(m, actor, { action: 'auth.login_failed', subjectType: 'user', subjectId: user?.id ?? null, after: { username } }),
      );
      throw IdentityException.badCredentials();
    }
    await this.throttler.recordSuccess(username, ip);
    const refreshToken = randomBytes(32).toString('base64url');
    const session = await this.dataSource.transaction(async (m) => {
      const created = await m.save(
        m.create(AuthSessionEntity, {
          userId: user.id,
          refreshTokenHash: sha256(refreshToken),
          expiresAt: new Date(Date.now() + this.config.REFRESH_TOKEN_TTL_DAYS * 86_400_000),
          ip: actor.ip,
          userAgent: userAgent?.slice(0, 300) ?? null,
        }),
      );
      await this.audit.record(m, { ...actor, user: this.toAuthUser(user, created.id) }, {
        action: 'auth.login',
        subjectType: 'user',
        subjectId: user.id,
      });
      return created;
    });
    return {
      accessToken: await this.signAccessToken(user.id, session.id),
      refreshToken,
      expiresIn: this.config.ACCESS_TOKEN_TTL_SECONDS,
      user: toUserResponse(user),
    };
  }

  /** Rotates the refresh token: the old one stops working. */
  async refresh(refreshToken: string): Promise<LoginResponse> {
    const next = randomBytes(32).toString('base64url');
    const rows: [AuthSessionEntity[], number] = await this.dataSource.query(
      `UPDATE auth_session SET refresh_token_hash = $1
        WHERE refresh_token_hash = $2 AND revoked_at IS NULL AND expires_at > now()
        RETURNING id, user_id AS "userId"`,
      [sha256(next), sha256(refreshToken)],
    );
    const session = rows[0]?.[0];
    if (!session) throw IdentityException.badRefreshToken();
    const user = await this.findActiveUser(session.userId);
    if (!user) throw IdentityException.badRefreshToken();
    return {
      accessToken: await this.signAccessToken(user.id, session.id),
      refreshToken: next,
      expiresIn: this.config.ACCESS_TOKEN_TTL_SECONDS,
      user: toUserResponse(user),
    };
  }

  async logout(actor: SignedInActor): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      await m.update(AuthSessionEntity, { id: actor.user.sessionId }, { revokedAt: new Date() });
      await this.audit.record(m, actor, { action: 'auth.logout', subjectType: 'user', subjectId: actor.user.id });
    });
    // Every API instance closes the live streams this session opened.
    await this.announceSessionEnded({ sessionId: actor.user.sessionId });
  }

  /** Tells every API instance (Redis pub/sub) that a session, or all of a user's sessions, ended. */
  async announceSessionEnded(ended: SessionEnded): Promise<void> {
    await this.redis.publish(sessionEndedChannel(this.config.REDIS_PREFIX), JSON.stringify(ended)).catch(() => undefined);
  }

  /** A single-use, short-lived ticket that opens one live stream for this session (kept hashed in Redis). */
  async issueStreamTicket(user: AuthUser): Promise<StreamTicketResponse> {
    const ticket = randomBytes(32).toString('base64url');
    await this.redis.set(this.ticketKey(ticket), JSON.stringify({ sub: user.id, sid: user.sessionId }), 'EX', STREAM_TICKET_SECONDS);
    return { ticket, expiresIn: STREAM_TICKET_SECONDS };
  }

  async redeemStreamTicket(ticket: string): Promise<AuthUser | null> {
    const raw = await this.redis.getdel(this.ticketKey(ticket)).catch(() => null);
    if (!raw) return null;
    const claims = JSON.parse(raw) as AccessTokenClaims;
    return this.liveUser(claims);
  }

  private ticketKey(ticket: string): string {
    return `${this.config.REDIS_PREFIX}:stream-ticket:${sha256(ticket)}`;
  }

  async verify(token: string): Promise<AuthUser | null> {
    let claims: AccessTokenClaims;
    try {
      claims = await this.jwt.verifyAsync<AccessTokenClaims>(token);
    } catch {
      return null;
    }
    return this.liveUser(claims);
  }

  /** One indexed query: the session must still be live and the user active (and usable). */
  private async liveUser(claims: AccessTokenClaims): Promise<AuthUser | null> {
    const row = await this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .innerJoinAndSelect('u.department', 'd')
      .innerJoin(AuthSessionEntity, 's', 's.user_id = u.id AND s.id = :sid AND s.revoked_at IS NULL AND s.expires_at > now()', {
        sid: claims.sid,
      })
      .where('u.id = :id AND u.active', { id: claims.sub })
      .getOne();
    return row && this.mayUse(row) ? this.toAuthUser(row, claims.sid) : null;
  }

  private async findActiveUser(id: string): Promise<UserEntity | null> {
    const user = await this.dataSource.getRepository(UserEntity).findOne({ where: { id, active: true }, relations: { department: true } });
    return user && this.mayUse(user) ? user : null;
  }

  /**
   * Active, and not a demo user while demo users are off: a database seeded in development and
   * then started in production keeps its demo rows, but nobody can sign in as them.
   */
  private mayUse(user: UserEntity): boolean {
    return user.active && (!user.demo || this.config.LUOSHI_DEMO_USERS);
  }

  private signAccessToken(userId: string, sessionId: string): Promise<string> {
    return this.jwt.signAsync({ sub: userId, sid: sessionId } satisfies AccessTokenClaims);
  }

  private toAuthUser(user: UserEntity, sessionId: string): AuthUser {
    return {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      roles: user.roles,
      departmentId: user.departmentId,
      departmentCode: user.department.code,
      sessionId,
    };
  }
}
