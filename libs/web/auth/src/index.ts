import './lib/auth.translations';
export * from './lib/login.page';
