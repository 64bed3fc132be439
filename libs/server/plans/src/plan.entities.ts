import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type {
  CorruptionVerdictResponse,
  DutySource,
  PlanDiffResponse,
  PlanFileFormat,
  PlanKind,
  PlanImportOptionsResponse,
  PlanNodeKind,
  PlanStats,
} from '@luoshi/contracts';

@Entity('plan')
export class PlanEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'text', unique: true }) code!: string;
  @Column({ type: 'text' }) title!: string;
  @Column({ type: 'text' }) kind!: PlanKind;
  @Column({ name: 'parent_plan_id', type: 'uuid', nullable: true }) parentPlanId!: string | null;
  @Column({ type: 'text', default: 'active' }) status!: 'active' | 'archived';
  @Column({ name: 'current_version', type: 'integer' }) currentVersion!: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

@Entity('plan_version')
export class PlanVersionEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'plan_id', type: 'uuid' }) planId!: string;
  @Column({ type: 'integer' }) version!: number;
  @Column({ type: 'text' }) title!: string;
  @Column({ name: 'file_name', type: 'text' }) fileName!: string;
  @Column({ type: 'text' }) format!: PlanFileFormat;
  @Column({ type: 'text' }) checksum!: string;
  @Column({ type: 'jsonb' }) stats!: PlanStats;
  @Column({ type: 'jsonb' }) diff!: PlanDiffResponse;
  @Column({ type: 'jsonb' }) corrections!: unknown[];
  @Column({ type: 'jsonb' }) warnings!: unknown[];
  @Column({ type: 'text', default: '' }) preamble!: string;
  @Column({ type: 'jsonb', nullable: true }) corruption!: CorruptionVerdictResponse | null;
  @Column({ type: 'jsonb', nullable: true }) options!: PlanImportOptionsResponse | null;
  @Column({ name: 'imported_by', type: 'uuid', nullable: true }) importedBy!: string | null;
  @CreateDateColumn({ name: 'imported_at', type: 'timestamptz' }) importedAt!: Date;
}

@Entity('plan_node')
export class PlanNodeEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'plan_id', type: 'uuid' }) planId!: string;
  @Column({ name: 'parent_id', type: 'uuid', nullable: true }) parentId!: string | null;
  @Column({ type: 'text' }) code!: string;
  @Column({ type: 'text' }) kind!: PlanNodeKind;
  @Column({ type: 'text' }) title!: string;
  @Column({ type: 'text' }) body!: string;
  @Column({ name: 'sort_order', type: 'integer' }) order!: number;
  @Column({ type: 'boolean', default: false }) inferred!: boolean;
  @Column({ name: 'source_line', type: 'integer' }) sourceLine!: number;
  @Column({ name: 'first_version', type: 'integer' }) firstVersion!: number;
  @Column({ name: 'changed_in_version', type: 'integer' }) changedInVersion!: number;
  @Column({ name: 'retired_in_version', type: 'integer', nullable: true }) retiredInVersion!: number | null;
}

@Entity('plan_duty')
export class PlanDutyEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'plan_id', type: 'uuid' }) planId!: string;
  @Column({ name: 'node_id', type: 'uuid', nullable: true }) nodeId!: string | null;
  @Column({ type: 'text' }) deliverable!: string;
  @Column({ type: 'text' }) kind!: 'special_action_plan' | 'general';
  @Column({ name: 'lead_department_id', type: 'uuid', nullable: true }) leadDepartmentId!: string | null;
  @Column({ name: 'lead_name', type: 'text' }) leadName!: string;
  @Column({ name: 'co_department_ids', type: 'uuid', array: true }) coDepartmentIds!: string[];
  @Column({ name: 'co_names', type: 'text', array: true }) coNames!: string[];
  /** Parallel arrays: every lead as written and its department (null for a collective or unknown name). */
  @Column({ name: 'lead_department_ids', type: 'uuid', array: true, default: () => "'{}'" }) leadDepartmentIds!: (string | null)[];
  @Column({ name: 'lead_names', type: 'text', array: true, default: () => "'{}'" }) leadNames!: string[];
  @Column({ name: 'collective_names', type: 'text', array: true, default: () => "'{}'" }) collectiveNames!: string[];
  @Column({ name: 'unresolved_names', type: 'text', array: true, default: () => "'{}'" }) unresolvedNames!: string[];
  @Column({ name: 'deadline_text', type: 'text', nullable: true }) deadlineText!: string | null;
  @Column({ type: 'date', nullable: true }) deadline!: string | null;
  @Column({ type: 'text', default: 'sentence' }) source!: DutySource;
  @Column({ name: 'source_sentence', type: 'text' }) sourceSentence!: string;
  @Column({ name: 'retired_in_version', type: 'integer', nullable: true }) retiredInVersion!: number | null;
}

@Entity('correction_entry')
export class CorrectionEntryEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'text' }) dictionary!: string;
  @Column({ type: 'text' }) wrong!: string;
  @Column({ type: 'text' }) right!: string;
  @Column({ type: 'text', nullable: true }) context!: string | null;
  @Column({ type: 'text', nullable: true }) note!: string | null;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

export const PLAN_ENTITIES = [PlanEntity, PlanVersionEntity, PlanNodeEntity, PlanDutyEntity, CorrectionEntryEntity];
