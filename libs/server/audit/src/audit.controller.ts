import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDate, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { AllowRoles, IsInstantInWindow, MAX_PAGE } from '@luoshi/server/platform';
import { AuditService } from './audit.service';

export class AuditQueryDto {
  @IsOptional() @IsString() @MaxLength(100) action?: string;
  @IsOptional() @IsString() @MaxLength(100) subjectType?: string;
  @IsOptional() @IsString() @MaxLength(100) subjectId?: string;
  @IsOptional() @IsUUID() actorId?: string;
  @IsOptional() @Type(() => Date) @IsDate() @IsInstantInWindow('from') from?: Date;
  @IsOptional() @Type(() => Date) @IsDate() @IsInstantInWindow('to') to?: Date;
  @IsOptional() @IsString() @MaxLength(100) q?: string;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(MAX_PAGE) page = 1;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) pageSize = 50;
  /** A previous page's nextCursor: the page after it (`page` is then ignored). */
  @IsOptional() @IsString() @MaxLength(200) after?: string;
}

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @AllowRoles('office_admin')
  search(@Query() query: AuditQueryDto) {
    return this.audit.search(query);
  }
}
