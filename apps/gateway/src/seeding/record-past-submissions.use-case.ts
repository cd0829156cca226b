import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { agencyOfServiceCode, ApplicationStatus } from '@mpp/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { isGranted } from '../access/access-roles';
import type { RequestOrigin } from '../applications/request-origin';
import { TrackingNumber } from '../applications/tracking-number';
import { ServiceCatalog } from '../catalog/service-catalog';
import { PersonalDataCipher } from '../encryption/personal-data-cipher';
import { SealingContexts } from '../encryption/sealing-contexts';
import { Problems } from '../problems/problem';
import type { PastSubmissionDto } from './dto/past-records.dto';
import { recordInOrder, SEEDING_SOURCE, type PastRecordResult } from './past-records';

export interface PastSubmissionResult extends PastRecordResult {
  /** When the application with this id was submitted, as recorded. */
  submittedAt?: string;
}

/**
 * Records applications that were submitted in the past, checked and stored as intake checks and
 * stores them (the applicant sealed). They are history: no outbox event carries them to an
 * agency, and their statuses arrive on mpp.status like any other. An id recorded before is left as it is, so sending a batch again is harmless.
 */
@Injectable()
export class RecordPastSubmissions {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly catalog: ServiceCatalog,
    private readonly cipher: PersonalDataCipher,
  ) {}

  async execute(
    applications: PastSubmissionDto[],
    origin: RequestOrigin,
  ): Promise<PastSubmissionResult[]> {
    for (const { serviceCode, data } of applications) {
      if (!isGranted(origin.client, serviceCode)) throw Problems.serviceNotGranted(serviceCode);
      this.catalog.assertValidData(serviceCode, data);
    }
    return recordInOrder(
      this.db,
      applications,
      (application, i) => ({
        field: `applications[${i}].submittedAt`,
        at: application.submittedAt,
      }),
      (tx, application) => this.record(tx, application, origin),
    );
  }

  private async record(
    tx: EntityManager,
    application: PastSubmissionDto,
    origin: RequestOrigin,
  ): Promise<PastSubmissionResult> {
    const { id, serviceCode, applicant } = application;
    const submittedAt = new Date(application.submittedAt);
    const inserted: unknown[] = await tx.query(
      `INSERT INTO application (id, tracking_number, service_code, agency, client_id, applicant, data,
         documents, status, correlation_id, submitted_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11)
       ON CONFLICT (id) DO NOTHING
       RETURNING id`,
      [
        id,
        TrackingNumber.generate(),
        serviceCode,
        agencyOfServiceCode(serviceCode),
        origin.clientId,
        this.cipher.seal(
          { nik: applicant.nik, name: applicant.name, contact: { ...applicant.contact } },
          SealingContexts.applicant(id),
        ),
        application.data,
        JSON.stringify(application.documents ?? []),
        ApplicationStatus.SUBMITTED,
        origin.correlationId,
        submittedAt,
      ],
    );
    if (inserted.length === 0) return this.earlier(tx, id, origin);
    await tx.query(
      `INSERT INTO application_status_change (application_id, status, source, occurred_at, recorded_at)
       VALUES ($1, $2, $3, $4, now())`,
      [id, ApplicationStatus.SUBMITTED, SEEDING_SOURCE, submittedAt],
    );
    return { id, outcome: 'recorded', submittedAt: submittedAt.toISOString() };
  }

  private async earlier(
    tx: EntityManager,
    id: string,
    origin: RequestOrigin,
  ): Promise<PastSubmissionResult> {
    const [found]: { client_id: string; submitted_at: Date }[] = await tx.query(
      `SELECT client_id, submitted_at FROM application WHERE id = $1`,
      [id],
    );
    if (found.client_id !== origin.clientId) {
      return { id, outcome: 'refused', reason: 'another client has an application with this id' };
    }
    return { id, outcome: 'already-recorded', submittedAt: found.submitted_at.toISOString() };
  }
}
