import { Entity, PrimaryColumn } from 'typeorm';

/** A word that suggests a department for a measure (港口 → 省交通运输厅). */
@Entity('department_keyword')
export class DepartmentKeywordEntity {
  @PrimaryColumn({ name: 'department_id', type: 'uuid' }) departmentId!: string;
  @PrimaryColumn({ type: 'text' }) keyword!: string;
}
