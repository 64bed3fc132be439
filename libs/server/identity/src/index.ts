export { IdentityModule } from './identity.module';
export { DirectoryService } from './directory.service';
export { seedIdentity, type DemoUserSeed } from './identity-seeder';
export { DepartmentEntity, toDepartmentResponse } from './department.entity';
export { UserEntity, toUserResponse } from './user.entity';
export { hashPassword } from './password-hasher';
export { UserDirectory, type DepartmentProfileRow, type DepartmentRefRow, type UserProfileRow } from './user-directory';
export { DEPARTMENTS_READ_MODEL, USER_NAMES_READ_MODEL } from './read-models';
