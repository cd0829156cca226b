import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The first answer given to an Idempotency-Key, replayed for a retry with the same body. */
@Entity({ name: 'idempotency_record' })
export class IdempotencyRecordEntity {
  @PrimaryColumn({ name: 'client_id', type: 'text' })
  clientId!: string;

  @PrimaryColumn({ type: 'text' })
  key!: string;

  @Column({ name: 'request_hash', type: 'text' })
  requestHash!: string;

  @Column({ name: 'response_status', type: 'int' })
  responseStatus!: number;

  @Column({ name: 'response_body', type: 'jsonb' })
  responseBody!: Record<string, unknown>;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;
}
