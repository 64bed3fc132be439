import './lib/plans.translations';
export * from './lib/plans.routes';
