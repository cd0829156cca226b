import type { ApplicationStatus } from '@mpp/contracts';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const ReceiptOutcome = {
  APPLIED: 'APPLIED',
  DUPLICATE: 'DUPLICATE',
  STALE: 'STALE',
  ILLEGAL: 'ILLEGAL',
  UNKNOWN_APPLICATION: 'UNKNOWN_APPLICATION',
} as const;
export type ReceiptOutcome = (typeof ReceiptOutcome)[keyof typeof ReceiptOutcome];

/** Every status event the gateway received and what it did with it, applied or not. */
@Entity({ name: 'status_event_receipt' })
export class StatusEventReceiptEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id!: string;

  @Column({ name: 'event_id', type: 'text' })
  eventId!: string;

  @Column({ name: 'application_id', type: 'uuid' })
  applicationId!: string;

  @Column({ type: 'text' })
  status!: ApplicationStatus;

  @Column({ type: 'text' })
  outcome!: ReceiptOutcome;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @Column({ type: 'text' })
  source!: string;

  @Column({ name: 'received_at', type: 'timestamptz' })
  receivedAt!: Date;
}
