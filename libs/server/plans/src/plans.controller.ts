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
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, IsString, IsUUID, Length, MaxLength } from 'class-validator';
import { AllowRoles, Authenticated, CurrentActor, type RequestActor } from '@luoshi/server/platform';
import { CorrectionsService } from './corrections.service';
import { PlanException } from './plan.exception';
import { PlanImportService } from './plan-import.service';
import { PlansQueryService } from './plans-query.service';
import { PLAN_FILE_LIMIT_BYTES } from './read-plan-document';

/** The part of multer's file object we use. */
interface UploadedDocument {
  originalname: string;
  buffer: Buffer;
}

const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class PlanImportQueryDto {
  @IsOptional() @Transform(toBoolean) @IsBoolean() dryRun = true;
  @IsOptional() @Transform(toBoolean) @IsBoolean() confirmRemovals = false;
  @IsOptional() @IsUUID() planId?: string;
}

export class PlanTreeQueryDto {
  @IsOptional() @IsString() @MaxLength(50) q?: string;
}

export class UpsertCorrectionDto {
  @IsOptional() @IsString() @Length(1, 50) dictionary = 'custom';
  @IsString() @Length(1, 20) wrong!: string;
  @IsString() @Length(1, 20) right!: string;
  @IsOptional() @IsString() @MaxLength(100) context?: string;
  @IsOptional() @IsString() @MaxLength(200) note?: string;
}

@ApiTags('plans')
@ApiBearerAuth()
@Controller('plans')
export class PlansController {
  constructor(
    private readonly importer: PlanImportService,
    private readonly query: PlansQueryService,
  ) {}

  /** Upload a plan (.txt, .md, .docx ≤ 5 MB). dryRun=true (default) previews; false commits. */
  @Post('import')
  @HttpCode(200)
  @AllowRoles('office_admin')
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } })
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: PLAN_FILE_LIMIT_BYTES, files: 1 }, defParamCharset: 'utf8' }))
  async import(
    @UploadedFile() file: UploadedDocument | undefined,
    @Query() query: PlanImportQueryDto,
    @CurrentActor() actor: RequestActor,
  ) {
    if (!file) throw PlanException.fileMissing();
    return this.importer.import(
      { fileName: file.originalname, buffer: file.buffer, dryRun: query.dryRun, planId: query.planId, confirmRemovals: query.confirmRemovals },
      actor,
    );
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
