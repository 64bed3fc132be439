import './lib/reports.translations';
export * from './lib/reports.routes';
export * from './lib/requests/task-reports.component';
export * from './lib/requests/task-requests.component';
export * from './lib/approvals/approval-glance.component';
export * from './lib/reports/report-glance.component';
