import type { ApplicationStatus } from '@mpp/contracts';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One step of an application's status timeline. */
@Entity({ name: 'application_status_change' })
export class ApplicationStatusChangeEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id!: string;

  @Column({ name: 'application_id', type: 'uuid' })
  applicationId!: string;

  @Column({ type: 'text' })
  status!: ApplicationStatus;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @Column({ name: 'agency_reference', type: 'text', nullable: true })
  agencyReference!: string | null;

  /** The CloudEvent that reported it; null for changes made by the gateway itself. */
  @Column({ name: 'event_id', type: 'text', nullable: true })
  eventId!: string | null;

  @Column({ type: 'text' })
  source!: string;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt!: Date;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt!: Date;
}
