import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApplicationStatus } from '@mpp/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { ApplicationRequestKind } from '../applications/application-request.entity';
import type { RequestOrigin } from '../applications/request-origin';
import { ServiceCatalog } from '../catalog/service-catalog';
import type { PastResubmissionDto } from './dto/past-records.dto';
import { lockOwnApplication, recordInOrder, type PastRecordResult } from './past-records';
import { StatusHistory } from './status-history';

/**
 * Records an applicant's corrections sent in the past, while the application was
 * NEEDS_REVISION. History: nothing is sent to the agency, whose later statuses already came.
 */
@Injectable()
export class RecordPastResubmissions {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly catalog: ServiceCatalog,
  ) {}

  async execute(
    resubmissions: PastResubmissionDto[],
    origin: RequestOrigin,
  ): Promise<PastRecordResult[]> {
    return recordInOrder(
      this.db,
      resubmissions,
      (resubmission, i) => ({
        field: `resubmissions[${i}].resubmittedAt`,
        at: resubmission.resubmittedAt,
      }),
      (tx, resubmission) => this.record(tx, resubmission, origin),
    );
  }

  private async record(
    tx: EntityManager,
    resubmission: PastResubmissionDto,
    origin: RequestOrigin,
  ): Promise<PastRecordResult> {
    const { applicationId: id } = resubmission;
    const at = new Date(resubmission.resubmittedAt);
    const application = await lockOwnApplication(tx, id, origin);
    this.catalog.assertValidData(application.service_code, resubmission.data);

    const earlier: { requested_at: Date }[] = await tx.query(
      `SELECT requested_at FROM application_request WHERE application_id = $1 AND kind = $2`,
      [id, ApplicationRequestKind.RESUBMISSION],
    );
    if (earlier.some((request) => request.requested_at.getTime() === at.getTime())) {
      return { id, outcome: 'already-recorded' };
    }
    const history = await StatusHistory.of(tx, id);
    const inForce = history.at(at);
    const next = history.after(at);
    if (inForce?.status !== ApplicationStatus.NEEDS_REVISION) {
      return next
        ? { id, outcome: 'refused', reason: `the application was ${inForce?.status} then` }
        : { id, outcome: 'not-yet', reason: 'NEEDS_REVISION has not been applied yet' };
    }
    if (earlier.some((request) => request.requested_at >= inForce.at)) {
      return { id, outcome: 'refused', reason: 'that revision was answered already' };
    }

    const revision = 2 + earlier.filter((request) => request.requested_at < at).length;
    await tx.query(
      `INSERT INTO application_request
         (application_id, kind, revision, client_id, event_id, requested_at, settled_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      // No event carried it; the column still takes a fresh id, as every request has one.
      [
        id,
        ApplicationRequestKind.RESUBMISSION,
        revision,
        origin.clientId,
        randomUUID(),
        at,
        next?.at ?? null,
      ],
    );
    if (revision > application.revision) {
      await tx.query(
        `UPDATE application SET data = $2, documents = COALESCE($3, documents), revision = $4
          WHERE id = $1`,
        [
          id,
          resubmission.data,
          resubmission.documents ? JSON.stringify(resubmission.documents) : null,
          revision,
        ],
      );
    }
    return { id, outcome: 'recorded' };
  }
}
