import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One office setting (evaluation weights, the public summary switch) as a JSON document. */
@Entity('app_setting')
export class AppSettingEntity {
  @PrimaryColumn({ type: 'text' }) key!: string;
  @Column({ type: 'jsonb' }) value!: unknown;
  @Column({ name: 'updated_by', type: 'uuid', nullable: true }) updatedBy!: string | null;
  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' }) updatedAt!: Date;
}
