import type { ApplicationStatus, StatusChanged } from '@mpp/contracts';
import { ApplyStatusEvent } from '../../apps/gateway/src/status/apply-status-event.use-case';
import { agencyStatusEvent } from './agency-status';
import type { GatewayClient, RunningGateway } from './gateway-harness';

/** The applicant of the submissions below; tests look for these in what must not show them. */
export const TEST_APPLICANT = {
  nik: '2171015508900001',
  name: 'Siti Aminah',
  contact: { phone: '081234567890' },
} as const;

/** Submits an application for a test service through the API; answers its id and tracking number. */
export async function submitTestApplication(
  gateway: RunningGateway,
  serviceCode: string,
  { as, idempotencyKey }: { as?: GatewayClient; idempotencyKey?: string } = {},
): Promise<{ id: string; trackingNumber: string }> {
  const response = await gateway.fetch(
    '/v1/applications',
    {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}),
      },
      body: JSON.stringify({
        serviceCode,
        applicant: TEST_APPLICANT,
        data: { keperluan: 'melamar pekerjaan' },
      }),
    },
    as,
  );
  if (response.status !== 202) throw new Error(`submission answered ${response.status}`);
  return (await response.json()) as { id: string; trackingNumber: string };
}

/**
 * Applies status reports as the agency's adapter would send them, through the same use case the
 * `mpp.status` consumer calls, so a test does not wait behind the topic's whole history.
 */
export async function applyAgencyStatuses(
  gateway: RunningGateway,
  serviceCode: string,
  applicationId: string,
  statuses: readonly ApplicationStatus[],
  extra: Pick<StatusChanged, 'reason' | 'agencyReference'> = {},
): Promise<void> {
  const applier = gateway.app.get(ApplyStatusEvent);
  for (const status of statuses) {
    const verdict = await applier.execute(
      agencyStatusEvent(serviceCode, applicationId, status, extra),
    );
    if (verdict.outcome !== 'APPLIED') {
      throw new Error(`${status} of ${applicationId} not applied: ${verdict.outcome}`);
    }
  }
}
