export const DEPARTMENT_KINDS = ['office', 'provincial', 'city', 'county'] as const;
export type DepartmentKind = (typeof DEPARTMENT_KINDS)[number];

export interface DepartmentResponse {
  id: string;
  code: string;
  name: string;
  shortName: string;
  kind: DepartmentKind;
  parentId: string | null;
  aliases: string[];
  /** 职责 as text; the assignment suggestions read it. */
  responsibilities: string;
}

/** Shape of seeds/departments.json. */
export interface DepartmentSeed {
  code: string;
  name: string;
  shortName: string;
  kind: DepartmentKind;
  parentCode: string | null;
  aliases: string[];
  responsibilities?: string;
}
