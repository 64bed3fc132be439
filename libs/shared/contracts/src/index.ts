export * from './roles';
export * from './departments';
export * from './auth';
export * from './errors';
export * from './audit';
export * from './api-paths';
export * from './plans';
