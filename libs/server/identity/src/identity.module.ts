import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ACCESS_TOKEN_VERIFIER, APP_CONFIG, AccessGuard, type AppConfig } from '@luoshi/server/platform';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { AuthSessionEntity } from './auth-session.entity';
import { DepartmentEntity } from './department.entity';
import { DepartmentsController, UsersController } from './directory.controller';
import { DirectoryService } from './directory.service';
import { LoginThrottler } from './login-throttler';
import { UserDirectory } from './user-directory';
import { UserEntity } from './user.entity';

@Module({
  imports: [
    TypeOrmModule.forFeature([DepartmentEntity, UserEntity, AuthSessionEntity]),
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        secret: config.JWT_SECRET,
        signOptions: { expiresIn: config.ACCESS_TOKEN_TTL_SECONDS, issuer: 'luoshi', algorithm: 'HS256' },
        // A token living longer than the configured lifetime was not issued by us: refused.
        verifyOptions: { issuer: 'luoshi', algorithms: ['HS256'], maxAge: config.ACCESS_TOKEN_TTL_SECONDS + 60 },
      }),
    }),
  ],
  controllers: [AuthController, DepartmentsController, UsersController],
  providers: [
    AuthService,
    DirectoryService,
    UserDirectory,
    LoginThrottler,
    { provide: ACCESS_TOKEN_VERIFIER, useExisting: AuthService },
    // Deny by default: every route of the application passes this guard.
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
  exports: [DirectoryService, AuthService, UserDirectory],
})
export class IdentityModule {}
