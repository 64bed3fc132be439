import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { TaskEventKind } from '@luoshi/contracts';

/** One entry of a task's timeline (assigned, accepted, returned, comment, urge …). */
@Entity('task_event')
export class TaskEventEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id!: string;
  @Column({ name: 'task_id', type: 'uuid' }) taskId!: string;
  @Column({ type: 'timestamptz', default: () => 'now()' }) at!: Date;
  @Column({ name: 'actor_id', type: 'uuid', nullable: true }) actorId!: string | null;
  @Column({ name: 'actor_name', type: 'text', nullable: true }) actorName!: string | null;
  @Column({ type: 'text' }) kind!: TaskEventKind;
  @Column({ type: 'text', nullable: true }) body!: string | null;
  @Column({ type: 'jsonb', default: () => "'{}'" }) data!: Record<string, unknown>;
}
