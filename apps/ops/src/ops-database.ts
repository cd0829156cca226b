import { appDataSourceOptions } from '@mpp/persistence';
import type { DataSourceOptions } from 'typeorm';
import { CreateOpsSchema1764547200000 } from './migrations/1764547200000-create-ops-schema';
import { CreateAuditLog1764806400000 } from './migrations/1764806400000-create-audit-log';
import { CreateParkedMessages1765069200000 } from './migrations/1765069200000-create-parked-messages';
import { AddParkedMessageTimestamp1765152000000 } from './migrations/1765152000000-add-parked-message-timestamp';
import { AddDeadLetterTimestamp1765152000001 } from './migrations/1765152000001-add-dead-letter-timestamp';

export const OPS_SCHEMA = 'ops';

/** The ops schema, migrated at start; its tables are read with SQL, so it has no entities. */
export function opsDataSourceOptions(): Promise<DataSourceOptions> {
  return appDataSourceOptions({
    schema: OPS_SCHEMA,
    entities: [],
    migrations: [
      CreateOpsSchema1764547200000,
      CreateAuditLog1764806400000,
      CreateParkedMessages1765069200000,
      AddParkedMessageTimestamp1765152000000,
      AddDeadLetterTimestamp1765152000001,
    ],
  });
}
