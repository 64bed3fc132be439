import './lib/admin.translations';
export * from './lib/admin.routes';
