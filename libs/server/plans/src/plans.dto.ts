import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { CORRECTION_MODES, type CorrectionMode } from '@luoshi/contracts';

const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

/** A multipart text field: a JSON array, or one id (a repeated field arrives as an array). */
const toStringList = ({ value }: { value: unknown }) => {
  if (Array.isArray(value) || value === undefined) return value;
  if (typeof value !== 'string') return value;
  if (value.trim() === '') return [];
  if (value.trim().startsWith('[')) {
    try {
      return JSON.parse(value) as unknown;
    } catch {
      return value;
    }
  }
  return [value];
};

const MODE_MESSAGE = { message: `correctionMode: one of ${CORRECTION_MODES.join(', ')}` };

export class PlanImportQueryDto {
  @IsOptional() @Transform(toBoolean) @IsBoolean() dryRun = true;
  @IsOptional() @Transform(toBoolean) @IsBoolean() confirmRemovals = false;
  @IsOptional() @IsUUID() planId?: string;
  /** auto (default): corrections only for a text judged corrupted; on / off force them. */
  @IsOptional() @IsIn(CORRECTION_MODES, MODE_MESSAGE) correctionMode?: CorrectionMode;
}

/** The multipart fields next to `file`. */
export class PlanImportBodyDto {
  @IsOptional() @IsIn(CORRECTION_MODES, MODE_MESSAGE) correctionMode?: CorrectionMode;
  /** Suggested corrections the office rejected (CorrectionResponse.id), as a JSON array. */
  @IsOptional()
  @Transform(toStringList)
  @IsArray({ message: 'rejectedCorrections: a JSON array of correction ids' })
  @ArrayMaxSize(5000)
  @IsString({ each: true })
  @MaxLength(80, { each: true })
  rejectedCorrections?: string[];
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

const DEPARTMENT_CODE = /^[a-z0-9][a-z0-9-]{0,31}$/;

export class NewDepartmentDto {
  @IsOptional() @Matches(DEPARTMENT_CODE, { message: 'create.code: lowercase letters, digits, -' }) code?: string;
  @IsIn(['provincial', 'city', 'county'], { message: 'create.kind: provincial, city or county' }) kind!: 'provincial' | 'city' | 'county';
  @IsOptional() @Matches(DEPARTMENT_CODE, { message: 'create.parentCode: a department code' }) parentCode?: string;
}

/** A name from a plan's duties: an alias of an existing department, or a new department. */
export class MapDepartmentNameDto {
  @IsString() @Length(2, 64) name!: string;
  /** Exactly one of departmentCode and create (checked by the service: PLAN_MAPPING_TARGET). */
  @IsOptional() @Matches(DEPARTMENT_CODE, { message: 'departmentCode: a department code' }) departmentCode?: string;
  @IsOptional() @ValidateNested() @Type(() => NewDepartmentDto) create?: NewDepartmentDto;
}
