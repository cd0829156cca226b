export * from './domain-rule';
export * from './domain-rules';
export * from './domain-decorators';
export * from './domain-json-schema';
export * from './domain-field-messages';
