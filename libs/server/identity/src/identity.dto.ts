import { ArrayMinSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsOptional, IsString, Length, Matches, MaxLength, MinLength } from 'class-validator';
import { DEPARTMENT_KINDS, type DepartmentKind, ROLES, type Role } from '@luoshi/contracts';

export class LoginDto {
  @IsString() @Length(1, 64) username!: string;
  @IsString() @Length(1, 200) password!: string;
}

export class RefreshDto {
  /** Optional for browsers: the web app sends none and the HttpOnly refresh cookie is used. */
  @IsOptional() @IsString() @Length(20, 200) refreshToken?: string;
}

const USERNAME = /^[a-z0-9][a-z0-9._-]{1,63}$/i;

export class CreateUserDto {
  @Matches(USERNAME, { message: 'username: 2–64 letters, digits, . _ -' }) username!: string;
  @IsString() @Length(1, 64) displayName!: string;
  /** Length and strength are the password policy's (WEAK_PASSWORD naming the reason). */
  @IsString() @MinLength(1) @MaxLength(200) password!: string;
  @IsString() @Length(1, 64) departmentCode!: string;
  @IsArray() @ArrayMinSize(1) @ArrayUnique() @IsIn(ROLES, { each: true }) roles!: Role[];
}

export class UpdateUserDto {
  @IsOptional() @IsString() @Length(1, 64) displayName?: string;
  @IsOptional() @IsString() @Length(1, 64) departmentCode?: string;
  @IsOptional() @IsArray() @ArrayMinSize(1) @ArrayUnique() @IsIn(ROLES, { each: true }) roles?: Role[];
  @IsOptional() @IsBoolean() active?: boolean;
  @IsOptional() @IsString() @MinLength(1) @MaxLength(200) password?: string;
}

export class CreateDepartmentDto {
  @Matches(/^[a-z0-9][a-z0-9-]{0,31}$/, { message: 'code: lowercase letters, digits, -' }) code!: string;
  @IsString() @Length(1, 64) name!: string;
  @IsOptional() @IsString() @Length(1, 32) shortName?: string;
  @IsIn(DEPARTMENT_KINDS) kind!: DepartmentKind;
  @IsOptional() @IsString() @Length(1, 32) parentCode?: string;
  @IsOptional() @IsArray() @IsString({ each: true }) @MaxLength(64, { each: true }) aliases?: string[];
  @IsOptional() @IsString() @MaxLength(2000) responsibilities?: string;
}

export class UpdateDepartmentDto {
  @IsOptional() @IsString() @Length(1, 64) name?: string;
  @IsOptional() @IsString() @Length(1, 32) shortName?: string;
  @IsOptional() @IsArray() @IsString({ each: true }) @MaxLength(64, { each: true }) aliases?: string[];
  @IsOptional() @IsString() @MaxLength(2000) responsibilities?: string;
}
