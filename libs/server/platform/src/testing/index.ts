// Test helpers shared by the specs of several libs and the API tests; never imported by runtime code.
export * from './document-fixtures';
