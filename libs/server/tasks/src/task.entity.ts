import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { TaskReportingCycle, TaskStatus } from '@luoshi/contracts';

/**
 * A task made from a measure. Writes go through TaskStore's version-checked UPDATE
 * (`... WHERE id = $1 AND version = $2`), never repository.save(): save() does not check versions.
 */
@Entity('task')
export class TaskEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'plan_id', type: 'uuid' }) planId!: string;
  @Column({ name: 'measure_node_id', type: 'uuid' }) measureNodeId!: string;
  @Column({ type: 'text' }) code!: string;
  @Column({ type: 'text' }) title!: string;
  @Column({ type: 'text', default: '' }) body!: string;
  @Column({ name: 'lead_department_id', type: 'uuid', nullable: true }) leadDepartmentId!: string | null;
  @Column({ name: 'co_department_ids', type: 'uuid', array: true, default: () => "'{}'" }) coDepartmentIds!: string[];
  @Column({ name: 'owner_user_id', type: 'uuid', nullable: true }) ownerUserId!: string | null;
  @Column({ name: 'start_date', type: 'date', nullable: true }) startDate!: string | null;
  @Column({ name: 'due_date', type: 'date', nullable: true }) dueDate!: string | null;
  @Column({ name: 'deadline_text', type: 'text', nullable: true }) deadlineText!: string | null;
  @Column({ name: 'reporting_cycle', type: 'text', default: 'quarterly' }) reportingCycle!: TaskReportingCycle;
  @Column({ type: 'text', default: 'draft' }) status!: TaskStatus;
  @Column({ name: 'resume_to', type: 'text', nullable: true }) resumeTo!: TaskStatus | null;
  @Column({ type: 'integer', default: 0 }) progress!: number;
  @Column({ name: 'last_report_at', type: 'timestamptz', nullable: true }) lastReportAt!: Date | null;
  @Column({ name: 'last_report_late', type: 'boolean', default: false }) lastReportLate!: boolean;
  @Column({ name: 'returned_reason', type: 'text', nullable: true }) returnedReason!: string | null;
  @Column({ name: 'returned_at', type: 'timestamptz', nullable: true }) returnedAt!: Date | null;
  /** measure: a measure's work; special_action_plan: drafting a special action plan (its deliverable is a document). */
  @Column({ type: 'text', default: 'measure' }) kind!: 'measure' | 'special_action_plan';
  @Column({ type: 'integer', default: 1 }) version!: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
  /** Lower-cased characters and character bigrams of title + body, GIN-indexed for Chinese search. */
  @Column({
    name: 'search_grams',
    type: 'text',
    array: true,
    generatedType: 'STORED',
    asExpression: `luoshi_search_grams(title || ' ' || body)`,
    select: false,
    insert: false,
    update: false,
  })
  searchGrams!: string[];
}
