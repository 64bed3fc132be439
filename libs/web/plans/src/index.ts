export * from './lib/plans.routes';
