export * from './adapter-app';
export * from './adapter-sdk.module';
export * from './config/adapter-runtime.config';
export * from './definition/adapter-definition';
export * from './definition/environment-config';
export * from './legacy/legacy-connector';
export * from './legacy/legacy-errors';
export * from './status/status-reporter';
export type { CircuitState } from './metrics/adapter-metrics';
