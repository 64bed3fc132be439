import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsUUID, Matches, Max, Min, ValidateIf } from 'class-validator';
import { DASHBOARD_GRANULARITIES, type DashboardGranularity } from '@luoshi/contracts';

const DEPARTMENT_CODE = /^[a-z0-9][a-z0-9-]{0,31}$/;

export class DashboardSummaryQueryDto {
  @IsUUID() planId!: string;
  @IsOptional() @Matches(DEPARTMENT_CODE, { message: 'department: a department code' }) department?: string;
  @IsOptional() @IsIn(DASHBOARD_GRANULARITIES) granularity?: DashboardGranularity;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(50) top?: number;
}

export class EvaluationQueryDto {
  @IsOptional() @IsUUID() planId?: string;
}

export class EvaluationWeightsDto {
  @IsInt() @Min(0) @Max(100) acceptance!: number;
  @IsInt() @Min(0) @Max(100) reporting!: number;
  @IsInt() @Min(0) @Max(100) overdue!: number;
  @IsInt() @Min(0) @Max(100) completion!: number;
}

export class BulletinQueryDto {
  @IsOptional() @IsUUID() planId?: string;
}

export class PublicSummarySettingsDto {
  @IsBoolean() enabled!: boolean;
  /** null: the most recently imported active action plan. */
  @IsOptional() @ValidateIf((_, v) => v !== null) @IsUUID() planId?: string | null;
}
