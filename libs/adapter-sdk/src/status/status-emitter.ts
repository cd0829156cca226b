import { Injectable } from '@nestjs/common';
import {
  CLOUDEVENTS_SPEC_VERSION,
  EventSources,
  EventTypes,
  FlowHops,
  Topics,
  type ApplicationStatus,
  type StatusChanged,
} from '@mpp/contracts';
import { FlowRecorder, traceIdOf } from '@mpp/flow';
import { CloudEventPublisher } from '@mpp/kafka';
import { AdapterMetrics } from '../metrics/adapter-metrics';

export interface StatusEmission {
  agency: string;
  applicationId: string;
  serviceCode: string;
  /** Which submission of the application this status belongs to; 1 before any resubmission. */
  revision: number;
  status: ApplicationStatus;
  agencyReference?: string | null;
  reason?: string;
  result?: Record<string, unknown>;
  correlationId?: string | null;
  traceparent?: string | null;
}

/**
 * Emits canonical statuses on `mpp.status`. An event id is the application, the status and the
 * revision, so the same status emitted again after a crash or a redelivery is a duplicate by id,
 * while the same status after a resubmission is news.
 */
@Injectable()
export class StatusEmitter {
  constructor(
    private readonly publisher: CloudEventPublisher,
    private readonly metrics: AdapterMetrics,
    private readonly flow: FlowRecorder,
  ) {}

  async emit(emissions: StatusEmission[]): Promise<void> {
    const now = new Date().toISOString();
    await this.publisher.publish(
      emissions.map((emission) => {
        const data: StatusChanged = {
          applicationId: emission.applicationId,
          serviceCode: emission.serviceCode,
          status: emission.status,
          agencyReference: emission.agencyReference ?? undefined,
          reason: emission.reason,
          result: emission.result,
          occurredAt: now,
        };
        return {
          topic: Topics.status,
          key: emission.applicationId,
          event: {
            id: eventIdOf(emission),
            source: EventSources.adapter(emission.agency),
            type: EventTypes.statusChanged,
            specversion: CLOUDEVENTS_SPEC_VERSION,
            time: now,
            subject: emission.applicationId,
            correlationid: emission.correlationId ?? undefined,
            traceparent: emission.traceparent ?? undefined,
            data,
          },
        };
      }),
    );
    for (const emission of emissions) {
      this.metrics.statusEmitted(emission.status);
      this.flow.record({
        hop: FlowHops.statusEmitted,
        applicationId: emission.applicationId,
        serviceCode: emission.serviceCode,
        agency: emission.agency,
        correlationId: emission.correlationId ?? undefined,
        traceId: traceIdOf(emission.traceparent),
        outcome: emission.status,
        detail: {
          status: emission.status,
          revision: emission.revision,
          eventId: eventIdOf(emission),
        },
      });
    }
  }
}

function eventIdOf(emission: StatusEmission): string {
  return `${emission.applicationId}:${emission.status}:${emission.revision}`;
}
