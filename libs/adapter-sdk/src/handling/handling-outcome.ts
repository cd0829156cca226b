import type { CloudEvent } from '@mpp/contracts';
import type { LegacyCall } from '../legacy/legacy-connector';

/** What became of one application message; recorded in the inbox and counted in metrics. */
export type HandlingOutcome = 'handled' | 'duplicate' | 'refused';

export function legacyCallOf(event: CloudEvent<{ applicationId: string }>): LegacyCall {
  return {
    applicationId: event.data.applicationId,
    correlationId: event.correlationid,
    traceparent: event.traceparent,
  };
}
