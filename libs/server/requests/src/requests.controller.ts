import { Body, Controller, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { CreateTaskRequest, TaskRequestResponse } from '@luoshi/contracts';
import { AllowRoles, Authenticated, CurrentActor, type RequestActor, signedIn } from '@luoshi/server/platform';
import { CreateTaskRequestDto } from './requests.dto';
import { TaskRequestsService } from './task-requests.service';

@ApiTags('requests')
@ApiBearerAuth()
@Controller()
export class RequestsController {
  constructor(private readonly requests: TaskRequestsService) {}

  /** Every request about the task, all kinds, oldest first. */
  @Get('tasks/:taskId/requests')
  @Authenticated()
  forTask(@Param('taskId', new ParseUUIDPipe()) taskId: string, @CurrentActor() actor: RequestActor): Promise<TaskRequestResponse[]> {
    return this.requests.forTask(taskId, signedIn(actor).user);
  }

  /** 延期 / 办结 / 任务变更申请 — the lead department; filed and submitted for approval at once. */
  @Post('tasks/:taskId/requests')
  @AllowRoles('dept_liaison', 'dept_head')
  file(@Param('taskId', new ParseUUIDPipe()) taskId: string, @Body() dto: CreateTaskRequestDto, @CurrentActor() actor: RequestActor): Promise<TaskRequestResponse> {
    return this.requests.file(taskId, dto as CreateTaskRequest, signedIn(actor));
  }

  @Get('requests/:id')
  @Authenticated()
  get(@Param('id', new ParseUUIDPipe()) id: string, @CurrentActor() actor: RequestActor): Promise<TaskRequestResponse> {
    return this.requests.get(id, signedIn(actor).user);
  }
}
