export * from './database-url';
export * from './prepare-database';
export * from './app-data-source';
