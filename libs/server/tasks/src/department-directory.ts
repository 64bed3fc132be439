import type { DepartmentKind, TaskDepartmentRef } from '@luoshi/contracts';

export interface DirectoryDepartment {
  id: string;
  code: string;
  name: string;
  shortName: string;
  kind: DepartmentKind;
  aliases: string[];
}

const clean = (s: string) => s.replace(/\s+/g, '');

/** The department directory in memory, looked up by code, id or any name a document might use. */
export class DepartmentDirectory {
  private readonly codes = new Map<string, DirectoryDepartment>();
  private readonly ids = new Map<string, DirectoryDepartment>();
  private readonly names = new Map<string, DirectoryDepartment>();

  constructor(readonly departments: readonly DirectoryDepartment[]) {
    for (const d of departments) {
      this.codes.set(d.code, d);
      this.ids.set(d.id, d);
    }
    // Names first, then short names and aliases, so an alias never hides a department's own name.
    for (const d of departments) this.names.set(clean(d.name), d);
    for (const d of departments) {
      for (const n of [d.shortName, ...d.aliases, d.code]) if (!this.names.has(clean(n))) this.names.set(clean(n), d);
    }
  }

  byCode(code: string): DirectoryDepartment | undefined {
    return this.codes.get(code);
  }

  byId(id: string): DirectoryDepartment | undefined {
    return this.ids.get(id);
  }

  /** 省交通运输厅, 交通运输厅 (without 省), 杭州 (without 市), an alias or a code. */
  byName(text: string): DirectoryDepartment | undefined {
    const name = clean(text);
    if (!name) return undefined;
    return this.names.get(name) ?? this.names.get(`省${name}`) ?? this.names.get(`${name}市`);
  }

  ref(id: string): TaskDepartmentRef | null {
    const d = this.ids.get(id);
    return d ? { id: d.id, code: d.code, name: d.name } : null;
  }
}
