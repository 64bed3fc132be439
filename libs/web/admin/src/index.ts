import './lib/admin.translations';
export * from './lib/admin.routes';
export * from './lib/api/audit.api';
