import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { DepartmentResponse, UserResponse } from '@luoshi/contracts';
import { AllowRoles, Authenticated, CurrentActor, type RequestActor } from '@luoshi/server/platform';
import { DirectoryService } from './directory.service';
import { CreateDepartmentDto, CreateUserDto, UpdateDepartmentDto, UpdateUserDto } from './identity.dto';

@ApiTags('directory')
@ApiBearerAuth()
@Controller('departments')
export class DepartmentsController {
  constructor(private readonly directory: DirectoryService) {}

  /** Every signed-in user may read the directory: department pickers need it. */
  @Get()
  @Authenticated()
  list(): Promise<DepartmentResponse[]> {
    return this.directory.listDepartments();
  }

  @Post()
  @AllowRoles('office_admin')
  create(@Body() dto: CreateDepartmentDto, @CurrentActor() actor: RequestActor): Promise<DepartmentResponse> {
    return this.directory.createDepartment(dto, actor);
  }

  @Patch(':id')
  @AllowRoles('office_admin')
  update(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: UpdateDepartmentDto,
    @CurrentActor() actor: RequestActor,
  ): Promise<DepartmentResponse> {
    return this.directory.updateDepartment(id, dto, actor);
  }
}

@ApiTags('directory')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(private readonly directory: DirectoryService) {}

  @Get()
  @AllowRoles('office_admin')
  list(): Promise<UserResponse[]> {
    return this.directory.listUsers();
  }

  @Post()
  @AllowRoles('office_admin')
  create(@Body() dto: CreateUserDto, @CurrentActor() actor: RequestActor): Promise<UserResponse> {
    return this.directory.createUser(dto, actor);
  }

  @Patch(':id')
  @AllowRoles('office_admin')
  update(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: UpdateUserDto,
    @CurrentActor() actor: RequestActor,
  ): Promise<UserResponse> {
    return this.directory.updateUser(id, dto, actor);
  }
}
