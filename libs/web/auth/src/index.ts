export * from './lib/login.page';
