import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditActors, appendAuditRecord } from '@mpp/audit';
import { DataSource } from 'typeorm';
import { AuditActions, AuditSubjects } from '../audit/audit-actions';
import type { GatewayConfig } from '../config/gateway.config';
import { AccessRoles } from './access-roles';
import { hashApiKey } from './api-key';
import { ClientDirectory } from './client-directory';

export const BOOTSTRAP_ADMIN_ID = 'admin';

/**
 * The first administrator: when `GATEWAY_ADMIN_KEY` is set and no client holds that key yet, an
 * `admin` client is created with it. Every other client, key and grant is then managed through
 * the admin API with that key.
 */
@Injectable()
export class BootstrapAdmin implements OnApplicationBootstrap {
  private readonly logger = new Logger(BootstrapAdmin.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly directory: ClientDirectory,
    private readonly config: ConfigService<GatewayConfig, true>,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const key = this.config.get('GATEWAY_ADMIN_KEY', { infer: true });
    if (!key) return;
    await this.db.transaction(async (tx) => {
      // One gateway at a time, so instances starting together do not race.
      await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended('bootstrap-admin', 0))`);
      const known: unknown[] = await tx.query(`SELECT 1 FROM client_key WHERE key_hash = $1`, [
        hashApiKey(key),
      ]);
      if (known.length > 0) return;
      const audited = {
        actor: AuditActors.system,
        subject: AuditSubjects.client(BOOTSTRAP_ADMIN_ID),
      };
      if (!(await this.directory.exists(BOOTSTRAP_ADMIN_ID, tx))) {
        const admin = {
          id: BOOTSTRAP_ADMIN_ID,
          name: 'Administrator',
          roles: [AccessRoles.admin, AccessRoles.ops],
          grants: [],
        };
        await this.directory.create(tx, admin);
        await appendAuditRecord(tx, {
          ...audited,
          action: AuditActions.clientCreated,
          detail: { roles: admin.roles, grants: admin.grants },
        });
      }
      const { keyId, hint } = await this.directory.issueKey(tx, BOOTSTRAP_ADMIN_ID, key);
      await appendAuditRecord(tx, {
        ...audited,
        action: AuditActions.keyIssued,
        detail: { keyId, hint, from: 'GATEWAY_ADMIN_KEY' },
      });
      this.logger.log(`administrator key from GATEWAY_ADMIN_KEY registered`);
    });
  }
}
