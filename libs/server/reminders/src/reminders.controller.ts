import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ReminderResponse } from '@luoshi/contracts';
import { AllowRoles, CurrentActor, type RequestActor } from '@luoshi/server/platform';
import { QUEUE_BOARD_COOKIE, QUEUE_BOARD_PATH } from './queue-board.constants';
import { ReminderDeliveryWorker } from './reminder-delivery.worker';
import { ReminderRulesService, type RuleScope } from './reminder-rules.service';

export class RuleScopeQueryDto {
  @IsIn(['global', 'plan', 'task']) scope: RuleScope = 'global';
  @IsOptional() @IsUUID() scopeId?: string;
}

@ApiTags('reminders')
@ApiBearerAuth()
@Controller('reminders')
export class RemindersController {
  constructor(
    private readonly rules: ReminderRulesService,
    private readonly worker: ReminderDeliveryWorker,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  @Get('rules')
  @AllowRoles('office_admin', 'office_reviewer')
  getRule(@Query() query: RuleScopeQueryDto) {
    return this.rules.get(query.scope, query.scopeId ?? null);
  }

  /** The body is a reminder rule; validated by the domain lib with messages naming the field. */
  @Put('rules')
  @AllowRoles('office_admin')
  putRule(@Query() query: RuleScopeQueryDto, @Body() body: Record<string, unknown>, @CurrentActor() actor: RequestActor) {
    return this.rules.put(query.scope, query.scopeId ?? null, body, actor);
  }

  @Get('tasks/:taskId')
  @AllowRoles('office_admin', 'office_reviewer', 'leader')
  async forTask(@Param('taskId', new ParseUUIDPipe()) taskId: string): Promise<ReminderResponse[]> {
    const rows = await this.dataSource.query(
      `SELECT id, subject_type AS "subjectType", subject_id AS "subjectId", to_char(deadline, 'YYYY-MM-DD') AS deadline, key,
              fire_at AS "fireAt", level, recipients, status
         FROM reminder WHERE subject_type = 'task' AND subject_id = $1 ORDER BY fire_at`,
      [taskId],
    );
    return rows.map((r: ReminderResponse) => ({ ...r, fireAt: new Date(r.fireAt).toISOString() }));
  }

  /** Opens Bull Board for this browser: the access token goes into an HttpOnly cookie for /admin/queues. */
  @Post('queue-board-session')
  @HttpCode(204)
  @AllowRoles('office_admin')
  openQueueBoard(@Req() req: Request, @Res({ passthrough: true }) res: Response): void {
    const token = (req.headers.authorization ?? '').slice(7);
    // Secure whenever the browser reached us over TLS (directly or through a trusted proxy).
    res.cookie(QUEUE_BOARD_COOKIE, token, { httpOnly: true, secure: req.secure, sameSite: 'strict', path: QUEUE_BOARD_PATH, maxAge: 3600_000 });
  }

  @Post('reconcile')
  @HttpCode(200)
  @AllowRoles('office_admin')
  async reconcile() {
    return { reEnqueued: await this.worker.handleReconcile() };
  }
}
