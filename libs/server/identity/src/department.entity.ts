import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { DepartmentKind, DepartmentResponse } from '@luoshi/contracts';

@Entity('department')
export class DepartmentEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text', unique: true })
  code!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ name: 'short_name', type: 'text' })
  shortName!: string;

  @Column({ type: 'text' })
  kind!: DepartmentKind;

  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId!: string | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  aliases!: string[];

  /** 职责: what the department is responsible for, as text (read by the assignment suggestions). */
  @Column({ type: 'text', default: '' })
  responsibilities!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

export function toDepartmentResponse(d: DepartmentEntity): DepartmentResponse {
  return { id: d.id, code: d.code, name: d.name, shortName: d.shortName, kind: d.kind, parentId: d.parentId, aliases: d.aliases, responsibilities: d.responsibilities };
}
