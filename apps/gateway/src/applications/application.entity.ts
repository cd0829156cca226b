import type { Applicant, ApplicationStatus, DocumentReference } from '@mpp/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'application' })
export class ApplicationEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ name: 'tracking_number', type: 'text', unique: true })
  trackingNumber!: string;

  @Column({ name: 'service_code', type: 'text' })
  serviceCode!: string;

  @Column({ type: 'text' })
  agency!: string;

  @Column({ name: 'client_id', type: 'text' })
  clientId!: string;

  /** Sealed in the table (encryption/); ApplicantDecryption opens it whenever a row is loaded. */
  @Column({ type: 'jsonb' })
  applicant!: Applicant;

  @Column({ type: 'jsonb' })
  data!: Record<string, unknown>;

  @Column({ type: 'jsonb' })
  documents!: DocumentReference[];

  @Column({ type: 'text' })
  status!: ApplicationStatus;

  /** Submissions of `data` so far: 1 at intake, one more for each resubmission. */
  @Column({ type: 'int', default: 1 })
  revision!: number;

  @Column({ name: 'agency_reference', type: 'text', nullable: true })
  agencyReference!: string | null;

  @Column({ type: 'jsonb', nullable: true })
  result!: Record<string, unknown> | null;

  @Column({ name: 'correlation_id', type: 'text' })
  correlationId!: string;

  @Column({ name: 'submitted_at', type: 'timestamptz' })
  submittedAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
