import { Module } from '@nestjs/common';
import { AuditSealer } from './audit-sealer';
import { AuditVerifier } from './audit-verifier';

/**
 * The audit log of an app: the sealer that chains appended records in the background, and the
 * verifier. Records are appended with `appendAuditRecords` in the caller's transaction. Needs
 * the app's TypeORM data source, whose schema holds `audit_record`.
 */
@Module({
  providers: [AuditSealer, AuditVerifier],
  exports: [AuditSealer, AuditVerifier],
})
export class AuditModule {}
