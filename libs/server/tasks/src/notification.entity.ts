import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** An in-app notification (催办 for now). Delivery channels come with the reminders capability. */
@Entity('notification')
export class NotificationEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'user_id', type: 'uuid' }) userId!: string;
  @Column({ type: 'text' }) kind!: string;
  @Column({ type: 'text' }) title!: string;
  @Column({ type: 'text', default: '' }) body!: string;
  @Column({ type: 'text', nullable: true }) link!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'read_at', type: 'timestamptz', nullable: true }) readAt!: Date | null;
}
