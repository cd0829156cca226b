import { Injectable } from '@nestjs/common';
import {
  CLOUDEVENTS_SPEC_VERSION,
  EventSources,
  EventTypes,
  Topics,
  type ApplicationStatus,
  type StatusChanged,
} from '@mpp/contracts';
import { CloudEventPublisher } from '@mpp/kafka';
import { AGENCY } from '../services/civil-registry-services';

export interface StatusReport {
  applicationId: string;
  serviceCode: string;
  status: ApplicationStatus;
  agencyReference?: string;
  reason?: string;
  result?: Record<string, unknown>;
  correlationId?: string | null;
  traceparent?: string | null;
}

/**
 * Emits canonical statuses on `mpp.status`. Event ids are derived from the application and the
 * status, so a status emitted again after a crash or a redelivery is a duplicate by id.
 */
@Injectable()
export class StatusEmitter {
  constructor(private readonly publisher: CloudEventPublisher) {}

  async emit(reports: StatusReport[]): Promise<void> {
    const now = new Date().toISOString();
    await this.publisher.publish(
      reports.map((report) => {
        const data: StatusChanged = {
          applicationId: report.applicationId,
          serviceCode: report.serviceCode,
          status: report.status,
          agencyReference: report.agencyReference,
          reason: report.reason,
          result: report.result,
          occurredAt: now,
        };
        return {
          topic: Topics.status,
          key: report.applicationId,
          event: {
            id: `${report.applicationId}:${report.status}:1`,
            source: EventSources.adapter(AGENCY),
            type: EventTypes.statusChanged,
            specversion: CLOUDEVENTS_SPEC_VERSION,
            time: now,
            subject: report.applicationId,
            correlationid: report.correlationId ?? undefined,
            traceparent: report.traceparent ?? undefined,
            data,
          },
        };
      }),
    );
  }
}
