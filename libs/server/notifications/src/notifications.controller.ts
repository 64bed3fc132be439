import { Body, Controller, Delete, Get, HttpCode, MessageEvent, Param, ParseUUIDPipe, Post, Put, Query, Sse } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsEmail, IsIn, IsOptional, IsString, IsUrl, IsUUID, Length, Matches, ValidateIf } from 'class-validator';
import { concat, from, interval, map, merge, Observable, switchMap, take, takeUntil } from 'rxjs';
import type { NotificationStreamEvent } from '@luoshi/contracts';
import {
  AllowStreamTicket,
  AllowRoles,
  Authenticated,
  type AuthUser,
  CurrentActor,
  CurrentUser,
  PageQueryDto,
  type RequestActor,
} from '@luoshi/server/platform';
import { NotificationStreamService } from './notification-stream.service';
import { NotificationsInboxService } from './notifications-inbox.service';

export class NotificationListQueryDto extends PageQueryDto {
  @IsOptional() @Transform(({ value }) => value === 'true' || value === true) @IsBoolean() unread = false;
}

export class MarkReadDto {
  @IsOptional() @IsArray() @ArrayMaxSize(500) @IsUUID('all', { each: true }) ids?: string[];
  @IsOptional() @IsBoolean() all?: boolean;
}

const HHMM = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;
/** Mainland mobile numbers, optionally with +86 (the column's CHECK says the same). */
const MOBILE = /^(\+86)?1[3-9][0-9]{9}$/;

export class PreferencesDto {
  @ValidateIf((o: PreferencesDto) => o.email !== null) @IsEmail() email!: string | null;
  @IsBoolean() emailEnabled!: boolean;
  @IsBoolean() dailyDigest!: boolean;
  /** Absent: unchanged; null: removed. */
  @IsOptional() @ValidateIf((_, v) => v !== null) @Matches(MOBILE, { message: 'phone: 请填写11位手机号码 / an 11-digit mainland mobile number' }) phone?: string | null;
  @IsOptional() @IsBoolean() smsEnabled?: boolean;
  @IsOptional() @ValidateIf((_, v) => v !== null) @Matches(HHMM, { message: 'quietStart: HH:mm' }) quietStart?: string | null;
  @IsOptional() @ValidateIf((_, v) => v !== null) @Matches(HHMM, { message: 'quietEnd: HH:mm' }) quietEnd?: string | null;
}

export class WebhookDto {
  @IsOptional() @IsString() @Length(1, 32) departmentCode?: string;
  @IsString() @Length(1, 64) name!: string;
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true }) url!: string;
  @IsString() @Length(8, 200) secret!: string;
}

export class DeliveryQueryDto {
  @IsOptional() @IsIn(['failed', 'pending', 'sent', 'held']) status: 'failed' | 'pending' | 'sent' | 'held' = 'failed';
}

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(
    private readonly inbox: NotificationsInboxService,
    private readonly stream: NotificationStreamService,
  ) {}

  @Get()
  @Authenticated()
  list(@CurrentUser() user: AuthUser, @Query() query: NotificationListQueryDto) {
    return this.inbox.list(user.id, { unreadOnly: query.unread, page: query.page, pageSize: query.pageSize, after: query.after });
  }

  @Get('unread-count')
  @Authenticated()
  async unreadCount(@CurrentUser() user: AuthUser) {
    return { unread: await this.inbox.unreadCount(user.id) };
  }

  /**
   * Server-sent events: the unread count now, then on every new notification (and a heartbeat).
   * Opened with a bearer header or a single-use ?ticket= (POST /api/auth/stream-ticket); it ends
   * when its session ends (logout, password reset, deactivation).
   */
  @Sse('stream')
  @Authenticated()
  @AllowStreamTicket()
  live(@CurrentUser() user: AuthUser): Observable<MessageEvent> {
    const snapshot = (type: NotificationStreamEvent['type'], extra: Partial<NotificationStreamEvent> = {}) =>
      from(this.inbox.unreadCount(user.id)).pipe(map((unread): MessageEvent => ({ data: { type, unread, ...extra } satisfies NotificationStreamEvent })));
    return merge(
      concat(snapshot('hello')),
      this.stream.forUser(user.id).pipe(switchMap((push) => snapshot('notification', { notificationId: push.notificationId, title: push.title }))),
      interval(25_000).pipe(map((): MessageEvent => ({ type: 'ping', data: '' }))),
    ).pipe(takeUntil(this.stream.sessionEnded(user.sessionId, user.id).pipe(take(1))));
  }

  @Post('read')
  @HttpCode(200)
  @Authenticated()
  markRead(@CurrentUser() user: AuthUser, @Body() dto: MarkReadDto) {
    return this.inbox.markRead(user.id, dto.all ? 'all' : (dto.ids ?? []));
  }

  @Get('preferences')
  @Authenticated()
  preferences(@CurrentUser() user: AuthUser) {
    return this.inbox.preferences(user.id);
  }

  @Put('preferences')
  @Authenticated()
  updatePreferences(@CurrentActor() actor: RequestActor, @CurrentUser() user: AuthUser, @Body() dto: PreferencesDto) {
    return this.inbox.updatePreferences({ ...actor, user }, dto);
  }

  @Get('webhooks')
  @AllowRoles('office_admin')
  webhooks() {
    return this.inbox.webhooks();
  }

  @Post('webhooks')
  @AllowRoles('office_admin')
  addWebhook(@CurrentActor() actor: RequestActor, @Body() dto: WebhookDto) {
    return this.inbox.addWebhook(actor, dto);
  }

  @Delete('webhooks/:id')
  @HttpCode(204)
  @AllowRoles('office_admin')
  async removeWebhook(@CurrentActor() actor: RequestActor, @Param('id', new ParseUUIDPipe()) id: string) {
    await this.inbox.removeWebhook(actor, id);
  }

  @Get('deliveries')
  @AllowRoles('office_admin')
  deliveries(@Query() query: DeliveryQueryDto) {
    return this.inbox.deliveries(query.status);
  }

  @Post('deliveries/:id/retry')
  @HttpCode(204)
  @AllowRoles('office_admin')
  async retry(@CurrentActor() actor: RequestActor, @Param('id', new ParseUUIDPipe()) id: string) {
    await this.inbox.retryDelivery(actor, id);
  }
}
