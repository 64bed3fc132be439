import { IsIn, IsInt, IsNumber, IsOptional, IsString, IsUUID, Length, Matches, Max, Min, ValidateIf } from 'class-validator';
import { INDICATOR_VALUE_STATUSES, type IndicatorValueStatus } from '@luoshi/contracts';

const DEPARTMENT_CODE = /^[a-z0-9][a-z0-9-]{0,31}$/;
const FINITE = { allowNaN: false, allowInfinity: false };

export class IndicatorListQueryDto {
  @IsUUID() planId!: string;
}

export class IndicatorValueQueryDto {
  @IsOptional() @IsIn(INDICATOR_VALUE_STATUSES) status?: IndicatorValueStatus;
  @IsOptional() @IsUUID() planId?: string;
}

export class UpdateIndicatorDto {
  /** null clears the responsible department. */
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @Matches(DEPARTMENT_CODE, { message: 'responsibleDepartmentCode: a department code' })
  responsibleDepartmentCode?: string | null;
  @IsOptional() @ValidateIf((_, v) => v !== null) @IsNumber(FINITE) baseline?: number | null;
  @IsOptional() @ValidateIf((_, v) => v !== null) @IsInt() @Min(1949) @Max(2100) baselineYear?: number | null;
}

export class ReportIndicatorValueDto {
  @IsInt() @Min(1949) @Max(2100) year!: number;
  @IsNumber(FINITE) value!: number;
  @IsString() @Length(1, 500) note!: string;
}

export class ReviewIndicatorValueDto {
  @IsOptional() @IsString() @Length(1, 1000) comment?: string;
}
