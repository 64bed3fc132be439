export { ReportsModule } from './reports.module';
export { ReportDraftsService, REPORTS_QUEUE, type ReportJobs } from './report-drafts.service';
export { EvidenceService } from './evidence.service';
export { EVIDENCE_STORAGE, LocalDiskEvidenceStorage, type EvidenceStorage } from './evidence-storage';
export { ReportException } from './report.exception';
