import { randomUUID } from 'node:crypto';
import type { ApplicationStatus } from '@mpp/contracts';
import type { EntityManager } from 'typeorm';

/** The body POSTed to a client's webhook on each status change: no personal data. */
export interface WebhookStatusChanged {
  /** The delivery's id, also in `X-MPP-Delivery`. */
  id: string;
  type: 'application.status-changed';
  applicationId: string;
  trackingNumber: string;
  serviceCode: string;
  status: ApplicationStatus;
  reason: string | null;
  agencyReference: string | null;
  /** When the agency reports the change happened. */
  occurredAt: string;
}

export interface AppliedStatus {
  applicationId: string;
  status: ApplicationStatus;
  reason?: string;
  occurredAt: string;
}

/**
 * Queues the webhook delivery of a status change for the client that submitted the application,
 * if it registered a URL, in the transaction that applies the change: a change is never
 * announced without being applied, nor applied without being announced.
 */
export async function queueStatusWebhook(tx: EntityManager, change: AppliedStatus): Promise<void> {
  await tx.query(
    `INSERT INTO webhook_delivery (event_id, client_id, application_id, payload, next_attempt_at,
       created_at)
     SELECT $2::uuid, a.client_id, a.id,
            jsonb_build_object(
              'id', $2::text, 'type', 'application.status-changed', 'applicationId', a.id,
              'trackingNumber', a.tracking_number, 'serviceCode', a.service_code,
              'status', $3::text, 'reason', $4::text, 'agencyReference', a.agency_reference,
              'occurredAt', $5::text),
            now(), now()
       FROM application a JOIN webhook_subscription s ON s.client_id = a.client_id
      WHERE a.id = $1`,
    [change.applicationId, randomUUID(), change.status, change.reason ?? null, change.occurredAt],
  );
}
