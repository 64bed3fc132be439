import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { DepartmentResponse, UserResponse } from '@luoshi/contracts';
import { AuditService } from '@luoshi/server/audit';
import type { RequestActor } from '@luoshi/server/platform';
import { AuthService } from './auth.service';
import { DepartmentEntity, toDepartmentResponse } from './department.entity';
import type { CreateDepartmentDto, CreateUserDto, UpdateDepartmentDto, UpdateUserDto } from './identity.dto';
import { IdentityException } from './identity.exception';
import { hashPassword } from './password-hasher';
import { describeWeakPassword } from './password-policy';
import { toUserResponse, UserEntity } from './user.entity';

/** The department directory and its users, managed by office_admin. */
@Injectable()
export class DirectoryService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly auth: AuthService,
  ) {}

  async listDepartments(): Promise<DepartmentResponse[]> {
    const rows = await this.dataSource.getRepository(DepartmentEntity).find({ order: { kind: 'ASC', code: 'ASC' } });
    return rows.map(toDepartmentResponse);
  }

  async findDepartmentByCode(m: EntityManager, code: string): Promise<DepartmentEntity> {
    const department = await m.findOne(DepartmentEntity, { where: { code } });
    if (!department) throw IdentityException.unknownDepartment(code);
    return department;
  }

  async createDepartment(dto: CreateDepartmentDto, actor: RequestActor): Promise<DepartmentResponse> {
    return this.dataSource.transaction(async (m) => {
      if (await m.exists(DepartmentEntity, { where: { code: dto.code } })) throw IdentityException.departmentCodeTaken(dto.code);
      const parent = dto.parentCode ? await this.findDepartmentByCode(m, dto.parentCode) : null;
      const saved = await m.save(
        m.create(DepartmentEntity, {
          code: dto.code,
          name: dto.name,
          shortName: dto.shortName ?? dto.name,
          kind: dto.kind,
          parentId: parent?.id ?? null,
          aliases: dto.aliases ?? [],
          responsibilities: dto.responsibilities ?? '',
        }),
      );
      const response = toDepartmentResponse(saved);
      await this.audit.record(m, actor, { action: 'department.create', subjectType: 'department', subjectId: saved.id, after: response });
      return response;
    });
  }

  async updateDepartment(id: string, dto: UpdateDepartmentDto, actor: RequestActor): Promise<DepartmentResponse> {
    return this.dataSource.transaction(async (m) => {
      const department = await m.findOne(DepartmentEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!department) throw IdentityException.departmentNotFound(id);
      const before = toDepartmentResponse(department);
      Object.assign(department, dto);
      const after = toDepartmentResponse(await m.save(department));
      await this.audit.record(m, actor, { action: 'department.update', subjectType: 'department', subjectId: id, before, after });
      return after;
    });
  }

  async listUsers(): Promise<UserResponse[]> {
    const rows = await this.dataSource
      .getRepository(UserEntity)
      .find({ relations: { department: true }, order: { username: 'ASC' } });
    return rows.map(toUserResponse);
  }

  async createUser(dto: CreateUserDto, actor: RequestActor): Promise<UserResponse> {
    assertStrongPassword(dto.password, dto.username);
    const passwordHash = await hashPassword(dto.password);
    return this.dataSource.transaction(async (m) => {
      const taken = await m
        .createQueryBuilder(UserEntity, 'u')
        .where('lower(u.username) = lower(:username)', { username: dto.username })
        .getExists();
      if (taken) throw IdentityException.usernameTaken(dto.username);
      const department = await this.findDepartmentByCode(m, dto.departmentCode);
      const saved = await m.save(
        m.create(UserEntity, {
          username: dto.username,
          displayName: dto.displayName,
          passwordHash,
          departmentId: department.id,
          roles: dto.roles,
        }),
      );
      saved.department = department;
      const response = toUserResponse(saved);
      await this.audit.record(m, actor, { action: 'user.create', subjectType: 'user', subjectId: saved.id, after: response });
      return response;
    });
  }

  async updateUser(id: string, dto: UpdateUserDto, actor: RequestActor): Promise<UserResponse> {
    const response = await this.dataSource.transaction(async (m) => {
      const user = await m.findOne(UserEntity, { where: { id }, relations: { department: true }, lock: { mode: 'pessimistic_write', tables: ['app_user'] } });
      if (!user) throw IdentityException.userNotFound(id);
      if (dto.password !== undefined) assertStrongPassword(dto.password, user.username);
      const passwordHash = dto.password ? await hashPassword(dto.password) : undefined;
      const before = toUserResponse(user);
      if (dto.departmentCode) {
        user.department = await this.findDepartmentByCode(m, dto.departmentCode);
        user.departmentId = user.department.id;
      }
      if (dto.displayName !== undefined) user.displayName = dto.displayName;
      if (dto.roles !== undefined) user.roles = dto.roles;
      if (dto.active !== undefined) user.active = dto.active;
      if (passwordHash) user.passwordHash = passwordHash;
      user.version += 1;
      await m.save(user);
      if (dto.active === false || passwordHash) {
        // Deactivating a user or resetting the password ends their sessions.
        await m.query(`UPDATE auth_session SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`, [id]);
      }
      const after = toUserResponse(user);
      await this.audit.record(m, actor, {
        action: 'user.update',
        subjectType: 'user',
        subjectId: id,
        before,
        after: { ...after, passwordChanged: Boolean(passwordHash) },
      });
      return after;
    });
    // Their open live streams close too, on every API instance.
    if (dto.active === false || dto.password) await this.auth.announceSessionEnded({ userId: id });
    return response;
  }
}

function assertStrongPassword(password: string, username: string): void {
  const problem = describeWeakPassword(password, username);
  if (problem) throw IdentityException.weakPassword(problem.message, problem.messageEn);
}
