import './lib/home.translations';
export * from './lib/dept-home.page';
export * from './lib/leader-cockpit.page';
export * from './lib/office-home.page';
export * from './lib/reviewer-home.page';
export * from './lib/viewer-overview.page';
