export * from './validate-environment';
