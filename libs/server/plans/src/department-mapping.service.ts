import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import type { MapDepartmentNameResponse } from '@luoshi/contracts';
import { AuditService } from '@luoshi/server/audit';
import { DepartmentEntity, UserDirectory } from '@luoshi/server/identity';
import type { RequestActor } from '@luoshi/server/platform';
import { PlanException } from './plan.exception';
import type { MapDepartmentNameDto } from './plans.dto';

const clean = (s: string) => s.replace(/\s+/g, '');

/**
 * The office maps a department name a plan uses and the directory does not know: it becomes an
 * alias of an existing department, or a new department. The directory keeps it (later imports
 * resolve the name); every mapping is audited. Idempotent for the same name and department.
 */
@Injectable()
export class DepartmentMappingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly users: UserDirectory,
  ) {}

  async map(dto: MapDepartmentNameDto, actor: RequestActor): Promise<MapDepartmentNameResponse> {
    const name = clean(dto.name);
    if ((dto.departmentCode === undefined) === (dto.create === undefined)) throw PlanException.mappingTarget();
    return this.dataSource.transaction(async (m) => {
      // Serialise mappings: two offices mapping one name to different departments cannot both win.
      await m.query(`SELECT pg_advisory_xact_lock(hashtext('plan-department-mapping'))`);
      const holder = await this.holderOf(m, name);
      if (dto.departmentCode !== undefined) {
        const target = await m.findOne(DepartmentEntity, { where: { code: dto.departmentCode }, lock: { mode: 'pessimistic_write' } });
        if (!target) throw PlanException.unknownDepartment(dto.departmentCode);
        if (holder && holder.id !== target.id) throw PlanException.departmentNameTaken(name, holder.name);
        if (holder) return { name, department: ref(target), created: false };
        const before = { aliases: target.aliases };
        target.aliases = [...target.aliases, name];
        await m.save(target);
        await this.audit.record(m, actor, {
          action: 'department.alias_add',
          subjectType: 'department',
          subjectId: target.id,
          before,
          after: { aliases: target.aliases, alias: name, source: 'plan_import' },
        });
        return { name, department: ref(target), created: false };
      }
      if (holder) throw PlanException.departmentNameTaken(name, holder.name);
      const create = dto.create!;
      const code = create.code ?? `dept-${createHash('sha256').update(name).digest('hex').slice(0, 8)}`;
      if (await m.exists(DepartmentEntity, { where: { code } })) throw PlanException.departmentCodeTaken(code);
      const parent = create.parentCode ? await m.findOne(DepartmentEntity, { where: { code: create.parentCode } }) : null;
      if (create.parentCode && !parent) throw PlanException.unknownDepartment(create.parentCode);
      const saved = await m.save(
        m.create(DepartmentEntity, { code, name, shortName: name.slice(0, 32), kind: create.kind, parentId: parent?.id ?? null, aliases: [] }),
      );
      await this.audit.record(m, actor, {
        action: 'department.create',
        subjectType: 'department',
        subjectId: saved.id,
        after: { code, name, kind: create.kind, parentCode: create.parentCode ?? null, source: 'plan_import' },
      });
      return { name, department: ref(saved), created: true };
    });
  }

  /** The department that already answers to `name` (its name, short name or an alias). */
  private async holderOf(m: EntityManager, name: string): Promise<DepartmentEntity | null> {
    const id = await this.users.departmentAnswering(m, name);
    return id ? m.findOneByOrFail(DepartmentEntity, { id }) : null;
  }
}

function ref(d: DepartmentEntity): MapDepartmentNameResponse['department'] {
  return { id: d.id, code: d.code, name: d.name };
}
