import type { CloudEvent } from '@mpp/contracts';
import type { LegacyCall } from '../legacy/legacy-connector';

/** What became of one application message; recorded in the inbox and counted in metrics. */
export type HandlingOutcome = 'handled' | 'duplicate' | 'refused';

export function legacyCallOf(
  event: CloudEvent<{ applicationId: string; serviceCode: string }>,
): LegacyCall {
  return {
    applicationId: event.data.applicationId,
    serviceCode: event.data.serviceCode,
    correlationId: event.correlationid,
    traceparent: event.traceparent,
  };
}
