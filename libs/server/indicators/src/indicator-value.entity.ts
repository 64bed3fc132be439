import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { IndicatorValueStatus } from '@luoshi/contracts';

/** A value a department reported for one year of an indicator, and the office's review of it. */
@Entity('indicator_value')
export class IndicatorValueEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'indicator_id', type: 'uuid' }) indicatorId!: string;
  @Column({ name: 'plan_id', type: 'uuid' }) planId!: string;
  @Column({ type: 'integer' }) year!: number;
  @Column({ type: 'numeric' }) value!: string;
  @Column({ type: 'text' }) note!: string;
  @Column({ type: 'text', default: 'submitted' }) status!: IndicatorValueStatus;
  @Column({ name: 'department_id', type: 'uuid' }) departmentId!: string;
  @Column({ name: 'reported_by', type: 'uuid' }) reportedBy!: string;
  @Column({ name: 'reported_at', type: 'timestamptz', default: () => 'now()' }) reportedAt!: Date;
  @Column({ name: 'reviewed_by', type: 'uuid', nullable: true }) reviewedBy!: string | null;
  @Column({ name: 'reviewed_at', type: 'timestamptz', nullable: true }) reviewedAt!: Date | null;
  @Column({ name: 'review_comment', type: 'text', nullable: true }) reviewComment!: string | null;
}
