export * from './lib/json-view.component';
export * from './lib/lang-switch.component';
export * from './lib/page-header.component';
export * from './lib/role-tag.component';
export * from './lib/shortcut-grid.component';
export * from './lib/load-error.component';
