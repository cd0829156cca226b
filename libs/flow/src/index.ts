export * from './flow.module';
export * from './flow-recorder';
export * from './flow-component';
export * from './trace-context';
