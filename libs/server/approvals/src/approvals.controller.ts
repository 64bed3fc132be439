import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type {
  ApprovalDelegationResponse,
  ApprovalDetailResponse,
  ApprovalInboxResponse,
  ApprovalTemplateResponse,
  BulkApproveResponse,
} from '@luoshi/contracts';
import { AllowRoles, Authenticated, CurrentActor, type RequestActor, signedIn } from '@luoshi/server/platform';
import { ApprovalService } from './approval.service';
import { ApprovalDelegationsService } from './approval-delegations.service';
import { ApprovalQueryService } from './approval-query.service';
import { ApprovalTemplatesService } from './approval-templates.service';
import {
  ApprovalActionDto,
  ApprovalInboxQueryDto,
  BulkApproveDto,
  CreateDelegationDto,
  TemplateCodeParam,
  UpdateApprovalTemplateDto,
  UpdateDelegationDto,
} from './approvals.dto';

@ApiTags('approvals')
@ApiBearerAuth()
@Controller('approvals')
export class ApprovalsController {
  constructor(
    private readonly approvals: ApprovalService,
    private readonly queries: ApprovalQueryService,
    private readonly delegations: ApprovalDelegationsService,
  ) {}

  /** 待办 / 已办 / 抄送, with the three counts. */
  @Get('inbox')
  @Authenticated()
  inbox(@Query() query: ApprovalInboxQueryDto, @CurrentActor() actor: RequestActor): Promise<ApprovalInboxResponse> {
    return this.queries.inbox(signedIn(actor).user, query.box, query.page, query.pageSize, query.after);
  }

  /** Declared before :id so the path is not read as an id. */
  @Get('delegations')
  @Authenticated()
  listDelegations(@CurrentActor() actor: RequestActor): Promise<ApprovalDelegationResponse[]> {
    return this.delegations.list(signedIn(actor).user);
  }

  @Post('delegations')
  @AllowRoles('office_admin', 'office_reviewer', 'dept_head', 'dept_liaison', 'leader')
  createDelegation(@Body() dto: CreateDelegationDto, @CurrentActor() actor: RequestActor): Promise<ApprovalDelegationResponse> {
    return this.delegations.create(dto, signedIn(actor));
  }

  @Patch('delegations/:id')
  @AllowRoles('office_admin', 'office_reviewer', 'dept_head', 'dept_liaison', 'leader')
  updateDelegation(@Param('id', new ParseUUIDPipe()) id: string, @Body() dto: UpdateDelegationDto, @CurrentActor() actor: RequestActor) {
    return this.delegations.update(id, dto, signedIn(actor));
  }

  @Delete('delegations/:id')
  @HttpCode(204)
  @AllowRoles('office_admin', 'office_reviewer', 'dept_head', 'dept_liaison', 'leader')
  async revokeDelegation(@Param('id', new ParseUUIDPipe()) id: string, @CurrentActor() actor: RequestActor): Promise<void> {
    await this.delegations.revoke(id, signedIn(actor));
  }

  /** 批量审批 for the office: each instance on its own; the answer lists every id's result. */
  @Post('bulk-approve')
  @HttpCode(200)
  @AllowRoles('office_reviewer', 'office_admin')
  bulkApprove(@Body() dto: BulkApproveDto, @CurrentActor() actor: RequestActor): Promise<BulkApproveResponse> {
    return this.approvals.bulkApprove(dto.ids, dto.comment, signedIn(actor));
  }

  @Get(':id')
  @Authenticated()
  detail(@Param('id', new ParseUUIDPipe()) id: string, @CurrentActor() actor: RequestActor): Promise<ApprovalDetailResponse> {
    return this.queries.detail(id, signedIn(actor).user);
  }

  /** approve | reject | return | transfer | addSigner | withdraw | comment, at the version the caller saw. */
  @Post(':id/actions')
  @HttpCode(200)
  @Authenticated()
  async act(@Param('id', new ParseUUIDPipe()) id: string, @Body() dto: ApprovalActionDto, @CurrentActor() actor: RequestActor): Promise<ApprovalDetailResponse> {
    await this.approvals.act(id, dto, signedIn(actor));
    return this.queries.detail(id, signedIn(actor).user);
  }
}

@ApiTags('approvals')
@ApiBearerAuth()
@Controller('approval-templates')
export class ApprovalTemplatesController {
  constructor(private readonly templates: ApprovalTemplatesService) {}

  @Get()
  @AllowRoles('office_admin')
  list(): Promise<ApprovalTemplateResponse[]> {
    return this.templates.list();
  }

  @Get(':code')
  @AllowRoles('office_admin')
  get(@Param() params: TemplateCodeParam): Promise<ApprovalTemplateResponse> {
    return this.templates.get(params.code);
  }

  /** Edits bump the version; instances already running keep the steps they started with. */
  @Put(':code')
  @AllowRoles('office_admin')
  update(@Param() params: TemplateCodeParam, @Body() dto: UpdateApprovalTemplateDto, @CurrentActor() actor: RequestActor): Promise<ApprovalTemplateResponse> {
    return this.templates.update(params.code, dto, actor);
  }
}
