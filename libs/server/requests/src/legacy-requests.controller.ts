import { Body, Controller, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsString, IsUUID, Length } from 'class-validator';
import type { CompletionRequestResponse, CompletionRequestPayload, ExtensionRequestPayload, ExtensionRequestResponse, TaskRequestResponse } from '@luoshi/contracts';
import { AllowRoles, Authenticated, type AuthUser, CurrentActor, IsDateInWindow, type RequestActor } from '@luoshi/server/platform';
import { TaskRequestsService } from './task-requests.service';

type Actor = RequestActor & { user: AuthUser };
const signedIn = (actor: RequestActor) => actor as Actor;

class CreateExtensionRequestDto {
  @IsDateInWindow('newDueDate') newDueDate!: string;
  @IsString() @Length(1, 2000) reason!: string;
}

class CreateCompletionRequestDto {
  @IsString() @Length(1, 5000) summary!: string;
  @IsArray() @ArrayMaxSize(50) @IsUUID('all', { each: true }) evidenceIds!: string[];
}

const asExtension = (r: TaskRequestResponse): ExtensionRequestResponse => ({
  id: r.id,
  taskId: r.taskId,
  currentDueDate: r.changes.find((c) => c.field === 'dueDate')?.from ?? null,
  newDueDate: (r.payload as ExtensionRequestPayload).newDueDate,
  reason: r.reason,
  status: r.status,
  approvalId: r.approvalId,
  returnComment: r.returnComment,
  requestedBy: r.requestedBy,
  createdAt: r.createdAt,
  decidedAt: r.decidedAt,
});

const asCompletion = (r: TaskRequestResponse): CompletionRequestResponse => ({
  id: r.id,
  taskId: r.taskId,
  summary: r.reason,
  evidence: r.evidence,
  status: r.status,
  approvalId: r.approvalId,
  returnComment: r.returnComment,
  requestedBy: r.requestedBy,
  createdAt: r.createdAt,
  decidedAt: r.decidedAt,
});

/**
 * The routes of 延期 and 办结 from before requests were one capability, answered by it in their old
 * shapes while the web moves to /requests.
 */
@ApiTags('requests')
@ApiBearerAuth()
@Controller()
export class LegacyRequestsController {
  constructor(private readonly requests: TaskRequestsService) {}

  @Get('tasks/:taskId/extension-requests')
  @Authenticated()
  async extensionsOf(@Param('taskId', new ParseUUIDPipe()) taskId: string, @CurrentActor() actor: RequestActor): Promise<ExtensionRequestResponse[]> {
    return (await this.requests.forTask(taskId, signedIn(actor).user, 'extension_request')).map(asExtension);
  }

  @Post('tasks/:taskId/extension-requests')
  @AllowRoles('dept_liaison', 'dept_head')
  async requestExtension(
    @Param('taskId', new ParseUUIDPipe()) taskId: string,
    @Body() dto: CreateExtensionRequestDto,
    @CurrentActor() actor: RequestActor,
  ): Promise<ExtensionRequestResponse> {
    const payload: ExtensionRequestPayload = { newDueDate: dto.newDueDate };
    return asExtension(await this.requests.file(taskId, { kind: 'extension_request', reason: dto.reason, payload }, signedIn(actor)));
  }

  @Get('tasks/:taskId/completion-requests')
  @Authenticated()
  async completionsOf(@Param('taskId', new ParseUUIDPipe()) taskId: string, @CurrentActor() actor: RequestActor): Promise<CompletionRequestResponse[]> {
    return (await this.requests.forTask(taskId, signedIn(actor).user, 'completion_request')).map(asCompletion);
  }

  @Post('tasks/:taskId/completion-requests')
  @AllowRoles('dept_liaison', 'dept_head')
  async requestCompletion(
    @Param('taskId', new ParseUUIDPipe()) taskId: string,
    @Body() dto: CreateCompletionRequestDto,
    @CurrentActor() actor: RequestActor,
  ): Promise<CompletionRequestResponse> {
    const payload: CompletionRequestPayload = { evidenceIds: dto.evidenceIds };
    return asCompletion(await this.requests.file(taskId, { kind: 'completion_request', reason: dto.summary, payload }, signedIn(actor)));
  }

  @Get('extension-requests/:id')
  @Authenticated()
  async extension(@Param('id', new ParseUUIDPipe()) id: string, @CurrentActor() actor: RequestActor): Promise<ExtensionRequestResponse> {
    return asExtension(await this.requests.get(id, signedIn(actor).user, 'extension_request'));
  }

  @Get('completion-requests/:id')
  @Authenticated()
  async completion(@Param('id', new ParseUUIDPipe()) id: string, @CurrentActor() actor: RequestActor): Promise<CompletionRequestResponse> {
    return asCompletion(await this.requests.get(id, signedIn(actor).user, 'completion_request'));
  }
}
