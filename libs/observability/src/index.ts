export * from './logging.module';
export * from './database-health.controller';
export * from './metrics.module';
export * from './public-route';
