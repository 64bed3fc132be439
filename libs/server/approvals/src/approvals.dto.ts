import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  MaxLength,
  Min,
} from 'class-validator';
import { IsDateInWindow, PageQueryDto } from '@luoshi/server/platform';
import { APPROVAL_INBOX_BOXES, APPROVAL_USER_ACTIONS, type ApprovalInboxBox, type ApprovalUserAction } from '@luoshi/contracts';


export class ApprovalInboxQueryDto extends PageQueryDto {
  @IsOptional() @IsIn(APPROVAL_INBOX_BOXES) box: ApprovalInboxBox = 'todo';
}

export class ApprovalActionDto {
  @IsIn(APPROVAL_USER_ACTIONS, { message: `type: one of ${APPROVAL_USER_ACTIONS.join(', ')}` }) type!: ApprovalUserAction;
  @IsOptional() @IsString() @MaxLength(2000) comment?: string;
  @IsOptional() @IsString() @Length(1, 40) toStepKey?: string;
  @IsOptional() @IsUUID() toUserId?: string;
  @IsOptional() @IsUUID() userId?: string;
  @IsOptional() @IsIn(['before', 'after']) position?: 'before' | 'after';
  @IsOptional() @IsUUID() onBehalfOf?: string;
  @IsInt() @Min(1) version!: number;
}

export class BulkApproveDto {
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(100) @IsUUID('all', { each: true }) ids!: string[];
  @IsOptional() @IsString() @MaxLength(2000) comment?: string;
}

export class UpdateApprovalTemplateDto {
  @IsOptional() @IsString() @Length(1, 50) name?: string;
  /** Checked field by field by readApprovalTemplate (messages name the path). */
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(20) @IsObject({ each: true }) steps!: Record<string, unknown>[];
  @IsOptional() @IsArray() @ArrayMaxSize(20) @IsObject({ each: true }) cc?: Record<string, unknown>[];
  @IsInt() @Min(1) version!: number;
}

export class CreateDelegationDto {
  @IsOptional() @IsUUID() fromUserId?: string;
  @IsUUID() toUserId!: string;
  @IsDateInWindow('fromDate') fromDate!: string;
  @IsDateInWindow('toDate') toDate!: string;
  @IsOptional() @IsString() @MaxLength(500) reason?: string;
}

export class UpdateDelegationDto {
  @IsOptional() @IsDateInWindow('fromDate') fromDate?: string;
  @IsOptional() @IsDateInWindow('toDate') toDate?: string;
  @IsOptional() @IsString() @MaxLength(500) reason?: string;
}

export class TemplateCodeParam {
  @Matches(/^[a-z][a-z0-9_]{0,39}$/) code!: string;
}
