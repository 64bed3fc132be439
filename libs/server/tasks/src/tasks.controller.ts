import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
  StreamableFile,
  UploadedFile,
} from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type {
  BulkAssignResponse,
  DepartmentSuggestionResponse,
  GenerateTasksResponse,
  TaskDetailResponse,
  TaskEventResponse,
  TaskImportResponse,
  TaskInstructionResponse,
  TaskPageResponse,
  TaskResponse,
  UrgeTaskResponse,
} from '@luoshi/contracts';
import { AllowRoles, Authenticated, CurrentActor, FileUpload, type RequestActor, signedIn } from '@luoshi/server/platform';
import { TaskException } from './task.exception';
import { TaskAssignmentService } from './task-assignment.service';
import { TaskCollaborationService } from './task-collaboration.service';
import { TaskExcelService } from './task-excel.service';
import { TaskGenerationService } from './task-generation.service';
import { TaskLifecycleService } from './task-lifecycle.service';
import { TaskQueryService } from './task-query.service';
import { TaskSuggestionService } from './task-suggestion.service';
import {
  BulkAssignDto,
  ImportAssignmentsQueryDto,
  ReassignTaskDto,
  SplitTaskDto,
  TaskListQueryDto,
  TaskReasonDto,
  TaskTextDto,
  TaskVersionDto,
  UpdateTaskDto,
  UrgeTaskDto,
} from './tasks.dto';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const SHEET_LIMIT_BYTES = 5 * 1024 * 1024;

/** The part of multer's file object we use. */
interface UploadedSheet {
  originalname: string;
  buffer: Buffer;
}

@ApiTags('tasks')
@ApiBearerAuth()
@Controller('plans/:planId/tasks')
export class PlanTasksController {
  constructor(private readonly generation: TaskGenerationService) {}

  /** One draft task per measure that has none yet; idempotent. */
  @Post('generate')
  @HttpCode(200)
  @AllowRoles('office_admin')
  generate(@Param('planId', new ParseUUIDPipe()) planId: string, @CurrentActor() actor: RequestActor): Promise<GenerateTasksResponse> {
    return this.generation.generate(planId, signedIn(actor));
  }
}

@ApiTags('tasks')
@ApiBearerAuth()
@Controller('tasks')
export class TasksController {
  constructor(
    private readonly queries: TaskQueryService,
    private readonly assignment: TaskAssignmentService,
    private readonly lifecycle: TaskLifecycleService,
    private readonly collaboration: TaskCollaborationService,
    private readonly generation: TaskGenerationService,
    private readonly suggestions: TaskSuggestionService,
    private readonly excel: TaskExcelService,
  ) {}

  @Get()
  @Authenticated()
  list(@Query() query: TaskListQueryDto, @CurrentActor() actor: RequestActor): Promise<TaskPageResponse> {
    return this.queries.list(query, signedIn(actor).user);
  }

  /** The ledger (任务台账), filtered like the list. Declared before :id so the path is not read as an id. */
  @Get('export.xlsx')
  @Authenticated()
  async export(@Query() query: TaskListQueryDto, @CurrentActor() actor: RequestActor): Promise<StreamableFile> {
    // The spreadsheet headers travel with the file: a refusal keeps the JSON error shape.
    return new StreamableFile(await this.excel.exportLedger(query, signedIn(actor).user), {
      type: XLSX,
      disposition: `attachment; filename="tasks.xlsx"; filename*=UTF-8''${encodeURIComponent('任务台账.xlsx')}`,
    });
  }

  @Post('import-assignments')
  @HttpCode(200)
  @AllowRoles('office_admin')
  @FileUpload(SHEET_LIMIT_BYTES)
  importAssignments(
    @UploadedFile() file: UploadedSheet | undefined,
    @Query() query: ImportAssignmentsQueryDto,
    @CurrentActor() actor: RequestActor,
  ): Promise<TaskImportResponse> {
    if (!file) throw TaskException.importFileMissing();
    return this.excel.importAssignments(file.buffer, query.dryRun, query.planId, signedIn(actor));
  }

  @Post('bulk-assign')
  @HttpCode(200)
  @AllowRoles('office_admin')
  async bulkAssign(@Body() dto: BulkAssignDto, @CurrentActor() actor: RequestActor): Promise<BulkAssignResponse> {
    return this.assignment.bulkAssign(dto.items, dto.dispatch === true, signedIn(actor));
  }

  @Get(':id')
  @Authenticated()
  detail(@Param('id', new ParseUUIDPipe()) id: string, @CurrentActor() actor: RequestActor): Promise<TaskDetailResponse> {
    return this.queries.detail(id, signedIn(actor).user);
  }

  @Patch(':id')
  @AllowRoles('office_admin')
  update(@Param('id', new ParseUUIDPipe()) id: string, @Body() dto: UpdateTaskDto, @CurrentActor() actor: RequestActor): Promise<TaskResponse> {
    return this.assignment.update(id, dto, signedIn(actor));
  }

  @Post(':id/split')
  @HttpCode(200)
  @AllowRoles('office_admin')
  split(@Param('id', new ParseUUIDPipe()) id: string, @Body() dto: SplitTaskDto, @CurrentActor() actor: RequestActor): Promise<TaskResponse[]> {
    return this.generation.split(id, dto.titles, dto.version, signedIn(actor));
  }

  @Get(':id/suggestions')
  @AllowRoles('office_admin', 'office_reviewer')
  suggest(@Param('id', new ParseUUIDPipe()) id: string): Promise<DepartmentSuggestionResponse[]> {
    return this.suggestions.suggest(id);
  }

  /** 签收 — the lead department's liaison or head. */
  @Post(':id/accept')
  @HttpCode(200)
  @AllowRoles('dept_liaison', 'dept_head')
  accept(@Param('id', new ParseUUIDPipe()) id: string, @Body() dto: TaskVersionDto, @CurrentActor() actor: RequestActor): Promise<TaskResponse> {
    return this.lifecycle.accept(id, dto.version, signedIn(actor));
  }

  /** 退办 — the lead department, before acceptance; the task goes back to the office as a draft. */
  @Post(':id/return')
  @HttpCode(200)
  @AllowRoles('dept_liaison', 'dept_head')
  returnToOffice(@Param('id', new ParseUUIDPipe()) id: string, @Body() dto: TaskReasonDto, @CurrentActor() actor: RequestActor): Promise<TaskResponse> {
    return this.lifecycle.returnToOffice(id, dto.reason, dto.version, signedIn(actor));
  }

  @Post(':id/suspend')
  @HttpCode(200)
  @AllowRoles('office_admin')
  suspend(@Param('id', new ParseUUIDPipe()) id: string, @Body() dto: TaskReasonDto, @CurrentActor() actor: RequestActor): Promise<TaskResponse> {
    return this.lifecycle.suspend(id, dto.reason, dto.version, signedIn(actor));
  }

  @Post(':id/resume')
  @HttpCode(200)
  @AllowRoles('office_admin')
  resume(@Param('id', new ParseUUIDPipe()) id: string, @Body() dto: TaskReasonDto, @CurrentActor() actor: RequestActor): Promise<TaskResponse> {
    return this.lifecycle.resume(id, dto.reason, dto.version, signedIn(actor));
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @AllowRoles('office_admin')
  cancel(@Param('id', new ParseUUIDPipe()) id: string, @Body() dto: TaskReasonDto, @CurrentActor() actor: RequestActor): Promise<TaskResponse> {
    return this.lifecycle.cancel(id, dto.reason, dto.version, signedIn(actor));
  }

  /** 改派 — a new lead department, which must accept again. */
  @Post(':id/reassign')
  @HttpCode(200)
  @AllowRoles('office_admin')
  reassign(@Param('id', new ParseUUIDPipe()) id: string, @Body() dto: ReassignTaskDto, @CurrentActor() actor: RequestActor): Promise<TaskResponse> {
    return this.lifecycle.reassign(id, dto, signedIn(actor));
  }

  /** 批示 — leaders. */
  @Post(':id/instructions')
  @AllowRoles('leader')
  instruct(@Param('id', new ParseUUIDPipe()) id: string, @Body() dto: TaskTextDto, @CurrentActor() actor: RequestActor): Promise<TaskInstructionResponse> {
    return this.collaboration.instruct(id, dto.text, signedIn(actor));
  }

  @Post(':id/instructions/:instructionId/answer')
  @HttpCode(200)
  @AllowRoles('dept_liaison', 'dept_head')
  answer(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('instructionId', new ParseUUIDPipe()) instructionId: string,
    @Body() dto: TaskTextDto,
    @CurrentActor() actor: RequestActor,
  ): Promise<TaskInstructionResponse> {
    return this.collaboration.answer(id, instructionId, dto.text, signedIn(actor));
  }

  /** Anyone who can see the task, except read-only viewers. */
  @Post(':id/comments')
  @Authenticated()
  comment(@Param('id', new ParseUUIDPipe()) id: string, @Body() dto: TaskTextDto, @CurrentActor() actor: RequestActor): Promise<TaskEventResponse> {
    return this.collaboration.comment(id, dto.text, signedIn(actor));
  }

  /** 催办 — notifies the lead department's liaison and head. */
  @Post(':id/urge')
  @HttpCode(200)
  @AllowRoles('office_admin', 'office_reviewer')
  urge(@Param('id', new ParseUUIDPipe()) id: string, @Body() dto: UrgeTaskDto, @CurrentActor() actor: RequestActor): Promise<UrgeTaskResponse> {
    return this.collaboration.urge(id, dto.message, signedIn(actor));
  }
}
