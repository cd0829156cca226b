export * from './logging.module';
export * from './database-health.controller';
