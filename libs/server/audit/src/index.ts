export { AuditModule } from './audit.module';
export { AuditService } from './audit.service';
export type { AuditRecord } from '@luoshi/server/platform';
export { AuditEventEntity } from './audit-event.entity';
export { type AuditChainReport, verifyAuditChain } from './verify-audit-chain';
