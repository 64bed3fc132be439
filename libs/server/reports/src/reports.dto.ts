import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { EVIDENCE_OWNER_TYPES, type EvidenceOwnerType } from '@luoshi/contracts';


export class UpdateProgressReportDto {
  @IsOptional() @IsString() @MaxLength(20000) content?: string;
  @IsOptional() @IsInt() @Min(0) @Max(100) progress?: number;
  @IsOptional() @IsString() @MaxLength(5000) risks?: string;
  @IsOptional() @IsString() @MaxLength(5000) nextSteps?: string;
  @IsOptional() @ValidateIf((_, v) => v !== null) @IsString() @MaxLength(5000) redExplanation?: string | null;
  @IsInt() @Min(1) version!: number;
}

export class VersionDto {
  @IsInt() @Min(1) version!: number;
}

export class ContributionDto {
  @IsString() @Length(1, 10000) content!: string;
}

export class MergeContributionsDto {
  @IsOptional() @IsArray() @ArrayMaxSize(100) @IsUUID('all', { each: true }) contributionIds?: string[];
  @IsInt() @Min(1) version!: number;
}

export class EvidenceOwnerQueryDto {
  @IsIn(EVIDENCE_OWNER_TYPES) ownerType!: EvidenceOwnerType;
  @IsUUID() ownerId!: string;
}

export class PlanIdQueryDto {
  @IsUUID() planId!: string;
}
