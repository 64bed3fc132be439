import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A leader's instruction (批示) on a task and the lead department's answer. */
@Entity('task_instruction')
export class TaskInstructionEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'task_id', type: 'uuid' }) taskId!: string;
  @Column({ name: 'author_id', type: 'uuid' }) authorId!: string;
  @Column({ type: 'text' }) text!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ type: 'text', nullable: true }) answer!: string | null;
  @Column({ name: 'answered_by', type: 'uuid', nullable: true }) answeredBy!: string | null;
  @Column({ name: 'answered_at', type: 'timestamptz', nullable: true }) answeredAt!: Date | null;
}
