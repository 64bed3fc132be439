import { Body, Controller, Get, Header, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query, StreamableFile, UploadedFile } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { EVIDENCE_MAX_BYTES, type EvidenceFileResponse, type ProgressReportResponse } from '@luoshi/contracts';
import { AllowRoles, Authenticated, CurrentActor, FileUpload, type RequestActor, signedIn } from '@luoshi/server/platform';
import { EvidenceService, type UploadedEvidence } from './evidence.service';
import { ProgressReportService } from './progress-report.service';
import { ReportDraftsService } from './report-drafts.service';
import { ReportException } from './report.exception';
import { ReportQueryService } from './report-query.service';
import {
  ContributionDto,
  EvidenceOwnerQueryDto,
  MergeContributionsDto,
  UpdateProgressReportDto,
  VersionDto,
} from './reports.dto';

/**
 * An evidence upload (also a special action plan's draft): 20 MB, and the client's path kept
 * (preservePath) so a name like ../../etc/passwd reaches the check and is refused, not trimmed.
 */
export const EvidenceUpload = () => FileUpload(EVIDENCE_MAX_BYTES, { preservePath: true });

@ApiTags('reports')
@ApiBearerAuth()
@Controller('tasks/:taskId')
export class TaskReportsController {
  constructor(
    private readonly drafts: ReportDraftsService,
    private readonly reports: ReportQueryService,
  ) {}

  /** The task's reports, one per reporting period; missing drafts are created first. */
  @Get('reports')
  @Authenticated()
  async reportsOf(@Param('taskId', new ParseUUIDPipe()) taskId: string, @CurrentActor() actor: RequestActor): Promise<ProgressReportResponse[]> {
    // A refused read creates nothing: visibility first, then the missing drafts.
    await this.reports.assertTaskVisible(taskId, signedIn(actor).user);
    await this.drafts.ensureForTask(taskId);
    return this.reports.forTask(taskId, signedIn(actor).user);
  }
}

@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports')
export class ReportsController {
  constructor(
    private readonly reports: ReportQueryService,
    private readonly service: ProgressReportService,
  ) {}

  @Get(':id')
  @Authenticated()
  get(@Param('id', new ParseUUIDPipe()) id: string, @CurrentActor() actor: RequestActor): Promise<ProgressReportResponse> {
    return this.reports.get(id, signedIn(actor).user);
  }

  @Patch(':id')
  @AllowRoles('dept_liaison', 'dept_head')
  update(@Param('id', new ParseUUIDPipe()) id: string, @Body() dto: UpdateProgressReportDto, @CurrentActor() actor: RequestActor): Promise<ProgressReportResponse> {
    return this.service.update(id, dto, signedIn(actor));
  }

  @Post(':id/submit')
  @HttpCode(200)
  @AllowRoles('dept_liaison', 'dept_head')
  submit(@Param('id', new ParseUUIDPipe()) id: string, @Body() dto: VersionDto, @CurrentActor() actor: RequestActor): Promise<ProgressReportResponse> {
    return this.service.submit(id, dto.version, signedIn(actor));
  }

  /** A co-department's contribution. */
  @Post(':id/contributions')
  @HttpCode(200)
  @AllowRoles('dept_liaison', 'dept_head')
  contribute(@Param('id', new ParseUUIDPipe()) id: string, @Body() dto: ContributionDto, @CurrentActor() actor: RequestActor): Promise<ProgressReportResponse> {
    return this.service.contribute(id, dto.content, signedIn(actor));
  }

  @Post(':id/merge-contributions')
  @HttpCode(200)
  @AllowRoles('dept_liaison', 'dept_head')
  merge(@Param('id', new ParseUUIDPipe()) id: string, @Body() dto: MergeContributionsDto, @CurrentActor() actor: RequestActor): Promise<ProgressReportResponse> {
    return this.service.merge(id, dto.contributionIds, dto.version, signedIn(actor));
  }
}

@ApiTags('reports')
@ApiBearerAuth()
@Controller('evidence')
export class EvidenceController {
  constructor(private readonly evidence: EvidenceService) {}

  /** Upload (multipart field `file`): pdf, docx, xlsx, jpg, png ≤ 20 MB, type checked by content. */
  @Post()
  @AllowRoles('dept_liaison', 'dept_head')
  @EvidenceUpload()
  upload(@Query() query: EvidenceOwnerQueryDto, @UploadedFile() file: UploadedEvidence | undefined, @CurrentActor() actor: RequestActor): Promise<EvidenceFileResponse> {
    if (!file) throw ReportException.evidenceFileMissing();
    return this.evidence.upload(query.ownerType, query.ownerId, file, signedIn(actor));
  }

  @Get()
  @Authenticated()
  list(@Query() query: EvidenceOwnerQueryDto, @CurrentActor() actor: RequestActor): Promise<EvidenceFileResponse[]> {
    return this.evidence.list(query.ownerType, query.ownerId, signedIn(actor).user);
  }

  /** The bytes, with their checked content type; only for who can see the owner's task. */
  @Get(':id')
  @Authenticated()
  @Header('X-Content-Type-Options', 'nosniff')
  async download(@Param('id', new ParseUUIDPipe()) id: string, @CurrentActor() actor: RequestActor): Promise<StreamableFile> {
    const { file, stream } = await this.evidence.open(id, signedIn(actor).user);
    return new StreamableFile(stream, {
      type: file.contentType,
      length: file.size,
      disposition: `attachment; filename="${file.id}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
    });
  }
}
