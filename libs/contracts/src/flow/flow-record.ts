/**
 * One hop of an application's journey, recorded by the component that made it and published on
 * `mpp.flow` (CloudEvent type `flow.recorded.v1`, key = application id, or the agency for
 * records about no application). Flow records never carry personal data.
 */
export const FlowHops = {
  /** Gateway committed an application, resubmission or cancellation (HTTP request → outbox). */
  accepted: 'gateway.accepted',
  /** Outbox relay published the event: `topic`, `partition`, `offset`. */
  published: 'relay.published',
  /** Adapter took a message from its topic: `attempt`, `eventType`. */
  received: 'adapter.received',
  /** One call into a legacy system: `system`, `operation`, `httpStatus` or `faultCode`, sizes. */
  legacyCall: 'adapter.legacy-call',
  /** Adapter emitted a canonical status: `status`, `revision`. */
  statusEmitted: 'adapter.status-emitted',
  /** Gateway judged a reported status: outcome APPLIED, DUPLICATE, STALE, ILLEGAL, UNKNOWN_APPLICATION, with `why`. */
  statusApplied: 'gateway.status-applied',
  /** Adapter parked a message on its dead-letter topic: `reason`, `attempts`, `error`. */
  deadLettered: 'adapter.dead-lettered',
  /** An operator sent a dead letter back to its source topic: `by`, `reason`. */
  replayed: 'ops.replayed',
  /** An operator discarded a dead letter: `by`, `reason`. */
  discarded: 'ops.discarded',
} as const;
export type FlowHop = (typeof FlowHops)[keyof typeof FlowHops];

/** Outcomes of a hop; a legacy call is `ok`, `refused`, `unavailable`, `throttled` or `error`. */
export type FlowOutcome = string;

export interface FlowRecord {
  /** Unique per record (UUID); consumers deduplicate by it. */
  id: string;
  hop: FlowHop;
  applicationId?: string;
  correlationId?: string;
  /** The W3C trace id (32 hex) the hop belonged to. */
  traceId?: string;
  serviceCode?: string;
  agency?: string;
  /** `gateway`, `adapter-<agency>`, `ops`. */
  component: string;
  instance: string;
  /** When the hop finished. */
  at: string;
  /** How long the hop itself took, when it is a call (legacy calls, HTTP intake). */
  durationMs?: number;
  outcome?: FlowOutcome;
  /** Hop-specific facts: numbers, short codes and names only, never personal data. */
  detail?: Record<string, string | number | boolean | null>;
}
