import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AUDIT_TRAIL } from '@luoshi/server/platform';
import { AuditController } from './audit.controller';
import { AuditEventEntity } from './audit-event.entity';
import { AuditService } from './audit.service';

/**
 * Global so every capability can record its changes without importing this module by hand; the
 * platform's error filter records refusals through the AUDIT_TRAIL port it provides.
 */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([AuditEventEntity])],
  controllers: [AuditController],
  providers: [AuditService, { provide: AUDIT_TRAIL, useExisting: AuditService }],
  exports: [AuditService, AUDIT_TRAIL],
})
export class AuditModule {}
