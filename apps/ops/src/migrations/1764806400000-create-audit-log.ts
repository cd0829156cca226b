import { CreateAuditRecordTable } from '@mpp/audit';

/** The hash-chained audit log of dead-letter handling and operator management. */
export class CreateAuditLog1764806400000 extends CreateAuditRecordTable {
  name = 'CreateAuditLog1764806400000';
}
