import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Every event the adapter finished with, by id: a replay of one is recognised and skipped. */
@Entity({ name: 'adapter_inbox' })
export class InboxRecord {
  @PrimaryColumn({ name: 'event_id', type: 'text' })
  eventId!: string;

  @Column({ name: 'application_id', type: 'uuid', nullable: true })
  applicationId!: string | null;

  @Column({ name: 'event_type', type: 'text' })
  eventType!: string;

  @Column({ type: 'text' })
  outcome!: string;

  @Column({ name: 'handled_at', type: 'timestamptz' })
  handledAt!: Date;
}
