import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** What an applicant may ask of an application the agency already has. */
export const ApplicationRequestKind = {
  RESUBMISSION: 'RESUBMISSION',
  CANCELLATION: 'CANCELLATION',
} as const;
export type ApplicationRequestKind =
  (typeof ApplicationRequestKind)[keyof typeof ApplicationRequestKind];

/** One applicant request sent on to the agency; pending until a status report answers it. */
@Entity({ name: 'application_request' })
export class ApplicationRequestEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id!: string;

  @Column({ name: 'application_id', type: 'uuid' })
  applicationId!: string;

  @Column({ type: 'text' })
  kind!: ApplicationRequestKind;

  /** The revision a resubmission created. */
  @Column({ type: 'int', nullable: true })
  revision!: number | null;

  /** The applicant's reason for a cancellation. */
  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @Column({ name: 'client_id', type: 'text' })
  clientId!: string;

  /** The outbox event that carries the request to the agency. */
  @Column({ name: 'event_id', type: 'uuid' })
  eventId!: string;

  @Column({ name: 'requested_at', type: 'timestamptz' })
  requestedAt!: Date;

  @Column({ name: 'settled_at', type: 'timestamptz', nullable: true })
  settledAt!: Date | null;
}
