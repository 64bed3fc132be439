import { Module } from '@nestjs/common';
import { AuditModule } from '@luoshi/server/audit';
import { IdentityModule } from '@luoshi/server/identity';
import { PlansModule } from '@luoshi/server/plans';
import { PlatformModule } from '@luoshi/server/platform';

/** Composes the capabilities; no logic lives here. */
@Module({
  imports: [PlatformModule, AuditModule, IdentityModule, PlansModule],
})
export class AppModule {}
