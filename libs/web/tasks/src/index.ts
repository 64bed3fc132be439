import './lib/tasks.translations';
export * from './lib/tasks.routes';
