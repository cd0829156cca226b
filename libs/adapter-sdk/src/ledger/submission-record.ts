import type { ApplicationStatus } from '@mpp/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

export const SubmissionState = {
  /** Claimed; a legacy call may have been made but its outcome is not recorded. */
  SUBMITTING: 'SUBMITTING',
  SUBMITTED: 'SUBMITTED',
  REFUSED: 'REFUSED',
  CANCELLED: 'CANCELLED',
} as const;
export type SubmissionState = (typeof SubmissionState)[keyof typeof SubmissionState];

/**
 * The adapter's ledger of what it handed to the legacy system: the guarantee that a redelivered
 * or replayed message never becomes a second submission, the last status it reported, and the
 * applications still to poll.
 */
@Entity({ name: 'adapter_submission' })
export class SubmissionRecord {
  @PrimaryColumn({ name: 'application_id', type: 'uuid' })
  applicationId!: string;

  @Column({ name: 'service_code', type: 'text' })
  serviceCode!: string;

  @Column({ type: 'text' })
  state!: SubmissionState;

  @Column({ name: 'agency_reference', type: 'text', nullable: true })
  agencyReference!: string | null;

  /** 1 for the first submission, +1 for each resubmission; part of every status event id. */
  @Column({ type: 'int' })
  revision!: number;

  /** The revision is recorded but not yet confirmed sent to the legacy system. */
  @Column({ name: 'revision_pending', type: 'boolean' })
  revisionPending!: boolean;

  /** Legacy submission calls made; more than zero means an earlier outcome may be unknown. */
  @Column({ type: 'int' })
  attempts!: number;

  @Column({ name: 'last_emitted_status', type: 'text', nullable: true })
  lastEmittedStatus!: ApplicationStatus | null;

  @Column({ name: 'refusal_status', type: 'text', nullable: true })
  refusalStatus!: ApplicationStatus | null;

  @Column({ name: 'refusal_reason', type: 'text', nullable: true })
  refusalReason!: string | null;

  @Column({ name: 'correlation_id', type: 'text', nullable: true })
  correlationId!: string | null;

  @Column({ type: 'text', nullable: true })
  traceparent!: string | null;

  @Column({ name: 'next_poll_at', type: 'timestamptz', nullable: true })
  nextPollAt!: Date | null;

  /** Status checks failed in a row; each one doubles the wait before the next. */
  @Column({ name: 'poll_failures', type: 'int' })
  pollFailures!: number;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
