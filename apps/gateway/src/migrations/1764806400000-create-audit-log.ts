import { CreateAuditRecordTable } from '@mpp/audit';

/** The hash-chained audit log of application, client, key, grant and webhook changes. */
export class CreateAuditLog1764806400000 extends CreateAuditRecordTable {
  name = 'CreateAuditLog1764806400000';
}
