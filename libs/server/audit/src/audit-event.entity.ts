import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One recorded state change. Append-only: the database refuses UPDATE and DELETE. */
@Entity('audit_event')
export class AuditEventEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  at!: Date;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId!: string | null;

  @Column({ name: 'actor_name', type: 'text', nullable: true })
  actorName!: string | null;

  @Column({ type: 'text' })
  action!: string;

  @Column({ name: 'subject_type', type: 'text' })
  subjectType!: string;

  @Column({ name: 'subject_id', type: 'text', nullable: true })
  subjectId!: string | null;

  @Column({ type: 'jsonb', nullable: true })
  before!: Record<string, unknown> | null;

  @Column({ type: 'jsonb', nullable: true })
  after!: Record<string, unknown> | null;

  @Column({ name: 'request_id', type: 'text', nullable: true })
  requestId!: string | null;

  @Column({ type: 'text', nullable: true })
  ip!: string | null;

  /** Position in the hash chain; set with the hashes by the database trigger (ChainAuditEvents migration). */
  @Column({ name: 'chain_seq', type: 'bigint', insert: false, update: false })
  chainSeq!: string;

  @Column({ name: 'prev_hash', type: 'bytea', insert: false, update: false, select: false })
  prevHash!: Buffer;

  @Column({ type: 'bytea', insert: false, update: false, select: false })
  hash!: Buffer;
}
