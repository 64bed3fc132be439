export { AuditModule } from './audit.module';
export { AuditService, type AuditRecord } from './audit.service';
export { AuditEventEntity } from './audit-event.entity';
export { type AuditChainReport, verifyAuditChain } from './verify-audit-chain';
