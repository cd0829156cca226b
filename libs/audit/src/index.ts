export * from './audit-entry';
export * from './audit-chain';
export * from './append-audit-records';
export * from './audit-record-table';
export * from './audit-sealer';
export * from './audit-verifier';
export * from './audit.module';
