import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AdapterHeartbeat } from '@mpp/contracts';
import { DataSource } from 'typeorm';
import type { ServiceAnnouncement } from './registry-records';

export interface KnownInstance {
  agency: string;
  instanceId: string;
  services: string[];
  startedAt: string;
  sentAt: string;
  expiresAt: string;
  ttlMs: number;
  legacyCircuit: AdapterHeartbeat['legacyCircuit'] | null;
  consumptionPaused: boolean | null;
}

/** An instance gone silent this long ago is no longer listed. */
const FORGET_SILENT_INSTANCES_AFTER = '1 hour';

/** What ops knows from the registry: adapter instances by their last heartbeat, and services. */
@Injectable()
export class AgencyDirectory {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Keeps the newest heartbeat of each instance; an older one arriving late changes nothing. */
  async recordHeartbeat(beat: AdapterHeartbeat): Promise<void> {
    await this.db.query(
      `INSERT INTO adapter_instance (agency, instance_id, services, started_at, sent_at, ttl_ms,
                                     legacy_circuit, consumption_paused)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (agency, instance_id) DO UPDATE
         SET services = EXCLUDED.services, started_at = EXCLUDED.started_at,
             sent_at = EXCLUDED.sent_at, ttl_ms = EXCLUDED.ttl_ms,
             legacy_circuit = EXCLUDED.legacy_circuit,
             consumption_paused = EXCLUDED.consumption_paused
         WHERE adapter_instance.sent_at <= EXCLUDED.sent_at`,
      [
        beat.agency,
        beat.instanceId,
        beat.services,
        beat.startedAt,
        beat.sentAt,
        beat.ttlMs,
        beat.legacyCircuit ?? null,
        beat.consumptionPaused ?? null,
      ],
    );
  }

  async forgetInstance(agency: string, instanceId: string): Promise<void> {
    await this.db.query(`DELETE FROM adapter_instance WHERE agency = $1 AND instance_id = $2`, [
      agency,
      instanceId,
    ]);
  }

  async recordService(service: ServiceAnnouncement, announcedAt: Date): Promise<void> {
    await this.db.query(
      `INSERT INTO agency_service (code, agency, agency_name, name, announced_at)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (code) DO UPDATE
         SET agency = EXCLUDED.agency, agency_name = EXCLUDED.agency_name,
             name = EXCLUDED.name, announced_at = EXCLUDED.announced_at
         WHERE agency_service.announced_at <= EXCLUDED.announced_at`,
      [service.code, service.agency, service.agencyName, service.name, announcedAt],
    );
  }

  async forgetService(code: string): Promise<void> {
    await this.db.query(`DELETE FROM agency_service WHERE code = $1`, [code]);
  }

  /** Instances alive now, and those silent for less than an hour. */
  async instances(): Promise<KnownInstance[]> {
    const rows: {
      agency: string;
      instance_id: string;
      services: string[];
      started_at: Date;
      sent_at: Date;
      expires_at: Date;
      ttl_ms: string;
      legacy_circuit: KnownInstance['legacyCircuit'];
      consumption_paused: boolean | null;
    }[] = await this.db.query(
      `SELECT *, sent_at + ttl_ms * interval '1 millisecond' AS expires_at
         FROM adapter_instance
        WHERE sent_at + ttl_ms * interval '1 millisecond' > now() - interval '${FORGET_SILENT_INSTANCES_AFTER}'
        ORDER BY agency, instance_id`,
    );
    return rows.map((row) => ({
      agency: row.agency,
      instanceId: row.instance_id,
      services: row.services,
      startedAt: row.started_at.toISOString(),
      sentAt: row.sent_at.toISOString(),
      expiresAt: row.expires_at.toISOString(),
      ttlMs: Number(row.ttl_ms),
      legacyCircuit: row.legacy_circuit,
      consumptionPaused: row.consumption_paused,
    }));
  }

  /** The name each agency gave itself in its latest announcement. */
  async agencyNames(): Promise<Map<string, string>> {
    const rows: { agency: string; agency_name: string }[] = await this.db.query(
      `SELECT DISTINCT ON (agency) agency, agency_name
         FROM agency_service ORDER BY agency, announced_at DESC`,
    );
    return new Map(rows.map((row) => [row.agency, row.agency_name]));
  }
}
