import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Put,
  Query,
  UploadedFile,
} from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AllowRoles, Authenticated, CurrentActor, FileUpload, type RequestActor } from '@luoshi/server/platform';
import { CorrectionsService } from './corrections.service';
import { DepartmentMappingService } from './department-mapping.service';
import { PlanException } from './plan.exception';
import { PlanImportService } from './plan-import.service';
import { MapDepartmentNameDto, PlanImportBodyDto, PlanImportQueryDto, PlanTreeQueryDto, UpsertCorrectionDto } from './plans.dto';
import { PlansQueryService } from './plans-query.service';
import { PLAN_FILE_LIMIT_BYTES } from './read-plan-document';

/** The part of multer's file object we use. */
interface UploadedDocument {
  originalname: string;
  buffer: Buffer;
}

@ApiTags('plans')
@ApiBearerAuth()
@Controller('plans')
export class PlansController {
  constructor(
    private readonly importer: PlanImportService,
    private readonly query: PlansQueryService,
    private readonly mappings: DepartmentMappingService,
  ) {}

  /**
   * Upload a plan (.txt, .md, .docx, .doc, .pdf ≤ 5 MB). dryRun=true (default) previews; false commits.
   * correctionMode (auto | on | off) and rejectedCorrections (JSON array of correction ids, a form
   * field) must be the same for the commit as for the preview it confirms.
   */
  @Post('import')
  @HttpCode(200)
  @AllowRoles('office_admin')
  @FileUpload(PLAN_FILE_LIMIT_BYTES, {
    formFields: {
      correctionMode: { type: 'string', enum: ['auto', 'on', 'off'] },
      rejectedCorrections: { type: 'string', description: 'JSON array of correction ids' },
    },
  })
  async import(
    @UploadedFile() file: UploadedDocument | undefined,
    @Query() query: PlanImportQueryDto,
    @Body() body: PlanImportBodyDto,
    @CurrentActor() actor: RequestActor,
  ) {
    if (!file) throw PlanException.fileMissing();
    return this.importer.import(
      {
        fileName: file.originalname,
        buffer: file.buffer,
        dryRun: query.dryRun,
        planId: query.planId,
        confirmRemovals: query.confirmRemovals,
        correctionMode: body.correctionMode ?? query.correctionMode,
        rejectedCorrections: body.rejectedCorrections,
      },
      actor,
    );
  }

  /** A department name from a plan's duties becomes an alias of a department, or a new department (audited). */
  @Post('department-mappings')
  @AllowRoles('office_admin')
  mapDepartment(@Body() dto: MapDepartmentNameDto, @CurrentActor() actor: RequestActor) {
    return this.mappings.map(dto, actor);
  }

  @Get()
  @Authenticated()
  list() {
    return this.query.list();
  }

  @Get(':planId')
  @Authenticated()
  get(@Param('planId', new ParseUUIDPipe()) planId: string) {
    return this.query.get(planId);
  }

  @Get(':planId/tree')
  @Authenticated()
  tree(@Param('planId', new ParseUUIDPipe()) planId: string, @Query() query: PlanTreeQueryDto) {
    return this.query.tree(planId, query.q);
  }

  @Get(':planId/nodes/:nodeId')
  @Authenticated()
  node(@Param('planId', new ParseUUIDPipe()) planId: string, @Param('nodeId', new ParseUUIDPipe()) nodeId: string) {
    return this.query.node(planId, nodeId);
  }

  @Get(':planId/indicators')
  @Authenticated()
  indicators(@Param('planId', new ParseUUIDPipe()) planId: string) {
    return this.query.indicators(planId);
  }

  @Get(':planId/duties')
  @Authenticated()
  duties(@Param('planId', new ParseUUIDPipe()) planId: string) {
    return this.query.duties(planId);
  }

  @Get(':planId/versions')
  @Authenticated()
  versions(@Param('planId', new ParseUUIDPipe()) planId: string) {
    return this.query.versions(planId);
  }
}

@ApiTags('plans')
@ApiBearerAuth()
@Controller('plan-corrections')
export class PlanCorrectionsController {
  constructor(private readonly corrections: CorrectionsService) {}

  @Get()
  @AllowRoles('office_admin', 'office_reviewer')
  list() {
    return this.corrections.list();
  }

  @Put()
  @AllowRoles('office_admin', 'office_reviewer')
  upsert(@Body() dto: UpsertCorrectionDto, @CurrentActor() actor: RequestActor) {
    return this.corrections.upsert(dto, actor);
  }

  @Delete(':id')
  @HttpCode(204)
  @AllowRoles('office_admin', 'office_reviewer')
  async remove(@Param('id', new ParseUUIDPipe()) id: string, @CurrentActor() actor: RequestActor) {
    await this.corrections.remove(id, actor);
  }
}
