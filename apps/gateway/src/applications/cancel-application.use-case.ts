import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ApplicationStatus,
  EventTypes,
  StatusMachine,
  type ApplicationCancelled,
} from '@mpp/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { Problems } from '../problems/problem';
import { ApplicationReader } from './application-reader';
import { ApplicationRequestLog } from './application-request-log';
import { ApplicationRequestKind } from './application-request.entity';
import { applicationView, type ApplicationView } from './application-views';
import type { ApplicationEntity } from './application.entity';
import { AcceptedRequests, transactionWithTime } from './accepted-requests';
import type { RequestOrigin } from './request-origin';

export interface CancelApplicationCommand {
  applicationId: string;
  reason?: string;
  origin: RequestOrigin;
}

/**
 * Asks the agency to withdraw an application it has not decided yet. The status becomes
 * CANCELLED only when the agency's adapter reports it; asking again while that is pending
 * changes nothing.
 */
@Injectable()
export class CancelApplication {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly requests: ApplicationRequestLog,
    private readonly reader: ApplicationReader,
    private readonly accepted: AcceptedRequests,
  ) {}

  async execute(command: CancelApplicationCommand): Promise<ApplicationView> {
    const {
      result: { view, requested },
      at,
    } = await transactionWithTime(this.db, (db) => this.cancel(db, command));
    if (requested) {
      this.accepted.committed({
        at,
        applicationId: command.applicationId,
        serviceCode: view.serviceCode,
        origin: command.origin,
        outcome: 'cancellation-requested',
      });
    }
    return view;
  }

  private async cancel(
    db: EntityManager,
    command: CancelApplicationCommand,
  ): Promise<{ view: ApplicationView; requested: boolean }> {
    const { application, pending } = await this.requests.lockApplication(
      db,
      command.applicationId,
      command.origin.client,
    );
    const alreadyPending = pending.includes(ApplicationRequestKind.CANCELLATION);
    if (!alreadyPending) await this.requestCancellation(db, application, command);
    const view = applicationView(await this.reader.withHistory(application, db));
    return { view, requested: !alreadyPending };
  }

  private async requestCancellation(
    db: EntityManager,
    application: ApplicationEntity,
    command: CancelApplicationCommand,
  ): Promise<void> {
    if (!StatusMachine.canTransition(application.status, ApplicationStatus.CANCELLED)) {
      throw Problems.cancellationNotAllowed(application.status);
    }
    const now = new Date();
    const reason = command.reason?.trim() || undefined;
    const event: ApplicationCancelled = {
      applicationId: application.id,
      trackingNumber: application.trackingNumber,
      serviceCode: application.serviceCode,
      ...(reason ? { reason } : {}),
      cancelledAt: now.toISOString(),
    };
    await this.requests.record(db, application, {
      kind: ApplicationRequestKind.CANCELLATION,
      reason,
      eventType: EventTypes.applicationCancelled,
      eventData: event,
      origin: command.origin,
      requestedAt: now,
    });
  }
}
