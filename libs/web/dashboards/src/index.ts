import './lib/dashboards.translations';
export * from './lib/dashboards.routes';
export * from './lib/dashboard/dashboard-link-card.component';
export * from './lib/dashboard/dashboard-view.component';
export * from './lib/public/public-summary.page';
export * from './lib/dashboard/url-dashboard.component';
