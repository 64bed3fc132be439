import { Body, Controller, Get, Param, Put, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type {
  BulletinResponse,
  DashboardSummaryResponse,
  EvaluationDepartmentResponse,
  EvaluationRankingResponse,
  EvaluationWeightsResponse,
  PublicSummaryResponse,
  PublicSummarySettingsResponse,
} from '@luoshi/contracts';
import { AllowRoles, Authenticated, type AuthUser, CurrentActor, Public, type RequestActor } from '@luoshi/server/platform';
import { buildBulletinDocx } from './bulletin-docx';
import { buildBulletinXlsx } from './bulletin-xlsx';
import { BulletinService } from './bulletin.service';
import { DashboardService } from './dashboard.service';
import {
  BulletinQueryDto,
  DashboardSummaryQueryDto,
  EvaluationQueryDto,
  EvaluationWeightsDto,
  PublicSummarySettingsDto,
} from './dashboards.dto';
import { EvaluationService } from './evaluation.service';
import { PublicSummaryService } from './public-summary.service';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** Routes guarded by a policy always run with a signed-in user. */
const userOf = (actor: RequestActor) => actor.user as AuthUser;
const download = (buffer: Buffer, type: string, period: string, ext: string) =>
  new StreamableFile(buffer, {
    type,
    disposition: `attachment; filename="bulletin-${period}.${ext}"; filename*=UTF-8''${encodeURIComponent(`督查通报-${period}.${ext}`)}`,
  });

@ApiTags('dashboards')
@ApiBearerAuth()
@Controller('dashboards')
export class DashboardsController {
  constructor(private readonly dashboards: DashboardService) {}

  /** Leaders and the office see the plan; a department user sees the tasks their department leads or co-handles. */
  @Get('summary')
  @Authenticated()
  summary(@Query() query: DashboardSummaryQueryDto, @CurrentActor() actor: RequestActor): Promise<DashboardSummaryResponse> {
    return this.dashboards.summary(query, userOf(actor));
  }
}

@ApiTags('evaluation')
@ApiBearerAuth()
@Controller('evaluation')
export class EvaluationController {
  constructor(private readonly evaluation: EvaluationService) {}

  /** The weights and rules are public to every signed-in user: a department knows how it is scored. */
  @Get('weights')
  @Authenticated()
  weights(): Promise<EvaluationWeightsResponse> {
    return this.evaluation.weights();
  }

  @Put('weights')
  @AllowRoles('office_admin')
  setWeights(@Body() dto: EvaluationWeightsDto, @CurrentActor() actor: RequestActor): Promise<EvaluationWeightsResponse> {
    return this.evaluation.setWeights(dto, actor);
  }

  @Get('ranking')
  @AllowRoles('office_admin', 'office_reviewer', 'leader', 'viewer')
  ranking(@Query() query: EvaluationQueryDto): Promise<EvaluationRankingResponse> {
    return this.evaluation.ranking(query.planId);
  }

  /** The score's breakdown: office roles, leaders, viewers, and the department itself. */
  @Get('departments/:code')
  @Authenticated()
  department(@Param('code') code: string, @Query() query: EvaluationQueryDto, @CurrentActor() actor: RequestActor): Promise<EvaluationDepartmentResponse> {
    return this.evaluation.department(code, query.planId, userOf(actor));
  }
}

@ApiTags('bulletins')
@ApiBearerAuth()
@Controller('bulletins')
export class BulletinsController {
  constructor(private readonly bulletins: BulletinService) {}

  // The file routes come first: ':period' alone would also match '2026-11.docx'.
  @Get(':period.docx')
  @AllowRoles('office_admin', 'office_reviewer', 'leader')
  async docx(@Param('period') period: string, @Query() query: BulletinQueryDto): Promise<StreamableFile> {
    return download(await buildBulletinDocx(await this.bulletins.build(period, query.planId)), DOCX, period, 'docx');
  }

  @Get(':period.xlsx')
  @AllowRoles('office_admin', 'office_reviewer', 'leader')
  async xlsx(@Param('period') period: string, @Query() query: BulletinQueryDto): Promise<StreamableFile> {
    return download(await buildBulletinXlsx(await this.bulletins.build(period, query.planId)), XLSX, period, 'xlsx');
  }

  /** The same content as JSON, for the printable page. */
  @Get(':period')
  @AllowRoles('office_admin', 'office_reviewer', 'leader')
  json(@Param('period') period: string, @Query() query: BulletinQueryDto): Promise<BulletinResponse> {
    return this.bulletins.build(period, query.planId);
  }
}

@ApiTags('public')
@Controller('public/summary')
export class PublicSummaryController {
  constructor(private readonly publicSummary: PublicSummaryService) {}

  /** Anyone, signed in or not — 404 while the office has it switched off. */
  @Get()
  @Public()
  summary(): Promise<PublicSummaryResponse> {
    return this.publicSummary.summary();
  }

  @Get('settings')
  @ApiBearerAuth()
  @AllowRoles('office_admin', 'office_reviewer', 'leader')
  settings(): Promise<PublicSummarySettingsResponse> {
    return this.publicSummary.settingsOf();
  }

  @Put('settings')
  @ApiBearerAuth()
  @AllowRoles('office_admin')
  update(@Body() dto: PublicSummarySettingsDto, @CurrentActor() actor: RequestActor): Promise<PublicSummarySettingsResponse> {
    return this.publicSummary.update(dto, actor);
  }
}
