import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { IsDateInWindow, PageNumberQueryDto, PageQueryDto } from '@luoshi/server/platform';
import { INSTRUCTION_STATES, type InstructionState, TASK_REPORTING_CYCLES, TASK_SORTS, type TaskReportingCycle, type TaskSort } from '@luoshi/contracts';

const DEPARTMENT_CODE = /^[a-z0-9][a-z0-9-]{0,31}$/;
const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);
const toOptionalString = ({ value }: { value: unknown }) => (value === '' ? undefined : value);

export class TaskListQueryDto extends PageQueryDto {
  @IsOptional() @IsIn(['mine', 'all']) scope?: 'mine' | 'all';
  @IsOptional() @IsUUID() planId?: string;
  @IsOptional() @IsString() @MaxLength(32) partCode?: string;
  @IsOptional() @IsString() @MaxLength(32) sectionCode?: string;
  @IsOptional() @Matches(DEPARTMENT_CODE, { message: 'department: a department code' }) department?: string;
  @IsOptional() @Matches(DEPARTMENT_CODE, { message: 'leadDepartment: a department code' }) leadDepartment?: string;
  @IsOptional() @IsString() @MaxLength(200) status?: string;
  @IsOptional() @IsString() @MaxLength(40) health?: string;
  @IsOptional() @IsDateInWindow('dueFrom') dueFrom?: string;
  @IsOptional() @IsDateInWindow('dueTo') dueTo?: string;
  @IsOptional() @Transform(toBoolean) @IsBoolean() overdue?: boolean;
  @IsOptional() @Transform(toBoolean) @IsBoolean() returned?: boolean;
  @IsOptional() @Transform(toOptionalString) @IsString() @MaxLength(100) q?: string;
  @IsOptional() @IsIn(TASK_SORTS) sort?: TaskSort;
}

const CYCLE_MESSAGE = { message: `reportingCycle: one of ${TASK_REPORTING_CYCLES.join(', ')}` };

export class UpdateTaskDto {
  @IsInt() @Min(1) version!: number;
  @IsOptional() @IsString() @Length(1, 500) title?: string;
  @IsOptional() @Matches(DEPARTMENT_CODE, { message: 'leadDepartmentCode: a department code' }) leadDepartmentCode?: string;
  @IsOptional() @IsArray() @ArrayMaxSize(50) @IsString({ each: true }) @MaxLength(32, { each: true }) coDepartmentCodes?: string[];
  @IsOptional() @ValidateIf((_, v) => v !== null) @IsUUID() ownerUserId?: string | null;
  @IsOptional() @IsDateInWindow('startDate') startDate?: string;
  /** null = long-term (长期). */
  @IsOptional() @ValidateIf((_, v) => v !== null) @IsDateInWindow('dueDate') dueDate?: string | null;
  @IsOptional() @IsString() @Length(1, 100) deadlineText?: string;
  @IsOptional() @IsIn(TASK_REPORTING_CYCLES, CYCLE_MESSAGE) reportingCycle?: TaskReportingCycle;
  /** 交办: a draft becomes assigned. Without it a draft is only saved. */
  @IsOptional() @IsBoolean() dispatch?: boolean;
}

export class BulkAssignItemDto {
  @IsUUID() taskId!: string;
  @IsInt() @Min(1) version!: number;
  @Matches(DEPARTMENT_CODE, { message: 'leadDepartmentCode: a department code' }) leadDepartmentCode!: string;
  @IsOptional() @IsArray() @ArrayMaxSize(50) @IsString({ each: true }) @MaxLength(32, { each: true }) coDepartmentCodes?: string[];
  @IsOptional() @IsDateInWindow('startDate') startDate?: string;
  @IsOptional() @ValidateIf((_, v) => v !== null) @IsDateInWindow('dueDate') dueDate?: string | null;
  @IsOptional() @IsString() @Length(1, 100) deadlineText?: string;
  @IsOptional() @IsIn(TASK_REPORTING_CYCLES, CYCLE_MESSAGE) reportingCycle?: TaskReportingCycle;
}

export class BulkAssignDto {
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(1000) @ValidateNested({ each: true }) @Type(() => BulkAssignItemDto) items!: BulkAssignItemDto[];
  /** 交办 the drafts among the items; without it they are only saved. */
  @IsOptional() @IsBoolean() dispatch?: boolean;
}

export class SplitTaskDto {
  @IsArray() @ArrayMinSize(2) @ArrayMaxSize(20) @IsString({ each: true }) @Length(1, 500, { each: true }) titles!: string[];
  @IsOptional() @IsInt() @Min(1) version?: number;
}

export class TaskReasonDto {
  @IsString() @Length(1, 1000) reason!: string;
  @IsOptional() @IsInt() @Min(1) version?: number;
}

export class TaskVersionDto {
  @IsOptional() @IsInt() @Min(1) version?: number;
}

export class ReassignTaskDto {
  @Matches(DEPARTMENT_CODE, { message: 'leadDepartmentCode: a department code' }) leadDepartmentCode!: string;
  @IsOptional() @IsArray() @ArrayMaxSize(50) @IsString({ each: true }) @MaxLength(32, { each: true }) coDepartmentCodes?: string[];
  @IsString() @Length(1, 1000) reason!: string;
  @IsOptional() @IsInt() @Min(1) version?: number;
}

export class TaskTextDto {
  @IsString() @Length(1, 2000) text!: string;
}

export class UrgeTaskDto {
  @IsString() @Length(1, 1000) message!: string;
}

export class ImportAssignmentsQueryDto {
  @IsOptional() @Transform(toBoolean) @IsBoolean() dryRun = true;
  /** Resolves 任务编号 when the sheet has no 任务ID column and codes repeat across plans. */
  @IsOptional() @IsUUID() planId?: string;
}

export class InstructionListQueryDto extends PageNumberQueryDto {
  @IsOptional() @IsIn(INSTRUCTION_STATES) state: InstructionState = 'all';
}
