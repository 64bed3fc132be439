import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, UploadedFile } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { GenerateSpecialActionPlansResponse, ImportChildPlanResponse, SpecialActionPlanResponse } from '@luoshi/contracts';
import { AllowRoles, Authenticated, CurrentActor, type RequestActor, signedIn } from '@luoshi/server/platform';
import type { UploadedEvidence } from './evidence.service';
import { ReportException } from './report.exception';
import { EvidenceUpload } from './reports.controller';
import { PlanIdQueryDto, VersionDto } from './reports.dto';
import { SpecialActionPlanService } from './special-action-plan.service';

@ApiTags('special-action-plans')
@ApiBearerAuth()
@Controller('special-action-plans')
export class SpecialActionPlansController {
  constructor(private readonly plans: SpecialActionPlanService) {}

  /** One drafting task per special-action-plan duty of the plan; idempotent. */
  @Post('generate')
  @HttpCode(200)
  @AllowRoles('office_admin')
  generate(@Query() query: PlanIdQueryDto, @CurrentActor() actor: RequestActor): Promise<GenerateSpecialActionPlansResponse> {
    return this.plans.generate(query.planId, signedIn(actor));
  }

  @Get()
  @Authenticated()
  list(@Query() query: PlanIdQueryDto, @CurrentActor() actor: RequestActor): Promise<SpecialActionPlanResponse[]> {
    return this.plans.list(query.planId, signedIn(actor).user);
  }

  @Get(':id')
  @Authenticated()
  get(@Param('id', new ParseUUIDPipe()) id: string, @CurrentActor() actor: RequestActor): Promise<SpecialActionPlanResponse> {
    return this.plans.get(id, signedIn(actor).user);
  }

  /** The draft: .docx, .txt or .md (what the plan import reads), checked by content. */
  @Post(':id/draft')
  @HttpCode(200)
  @AllowRoles('dept_liaison', 'dept_head')
  @EvidenceUpload()
  uploadDraft(@Param('id', new ParseUUIDPipe()) id: string, @UploadedFile() file: UploadedEvidence | undefined, @CurrentActor() actor: RequestActor): Promise<SpecialActionPlanResponse> {
    if (!file) throw ReportException.evidenceFileMissing();
    return this.plans.uploadDraft(id, file, signedIn(actor));
  }

  /** → drafting department head → co-departments (countersign) → office reviewer → leader. */
  @Post(':id/submit')
  @HttpCode(200)
  @AllowRoles('dept_liaison', 'dept_head')
  submit(@Param('id', new ParseUUIDPipe()) id: string, @Body() dto: VersionDto, @CurrentActor() actor: RequestActor): Promise<SpecialActionPlanResponse> {
    return this.plans.submit(id, dto.version, signedIn(actor));
  }

  /** The leader-approved draft becomes a child plan (its measures can then get tasks). */
  @Post(':id/import-child-plan')
  @HttpCode(200)
  @AllowRoles('office_admin')
  importChildPlan(@Param('id', new ParseUUIDPipe()) id: string, @CurrentActor() actor: RequestActor): Promise<ImportChildPlanResponse> {
    return this.plans.importChildPlan(id, signedIn(actor));
  }
}
