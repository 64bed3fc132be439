import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { HolidayKind } from '@luoshi/contracts';

/** One year of the State Council's holiday notice, confirmed or not. */
@Entity('holiday_year')
export class HolidayYearEntity {
  @PrimaryColumn({ type: 'integer' }) year!: number;
  @Column({ type: 'boolean' }) confirmed!: boolean;
  @Column({ type: 'text' }) source!: string;
  @Column({ type: 'text' }) origin!: 'seed' | 'office';
  @Column({ name: 'seed_checksum', type: 'text', nullable: true }) seedChecksum!: string | null;
  @Column({ name: 'confirmed_by', type: 'uuid', nullable: true }) confirmedBy!: string | null;
  @Column({ name: 'confirmed_at', type: 'timestamptz', nullable: true }) confirmedAt!: Date | null;
  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' }) updatedAt!: Date;
}

/** A day off (放假) or a weekend day worked instead (调休上班). */
@Entity('holiday')
export class HolidayEntity {
  @PrimaryColumn({ type: 'date' }) date!: string;
  @Column({ type: 'integer' }) year!: number;
  @Column({ type: 'text' }) kind!: HolidayKind;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'boolean' }) confirmed!: boolean;
}

export const CALENDAR_ENTITIES = [HolidayYearEntity, HolidayEntity];
