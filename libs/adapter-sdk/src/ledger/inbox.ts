import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** The events this adapter has finished with, by CloudEvent id. */
@Injectable()
export class Inbox {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async has(eventId: string): Promise<boolean> {
    const rows: unknown[] = await this.db.query(`SELECT 1 FROM adapter_inbox WHERE event_id = $1`, [
      eventId,
    ]);
    return rows.length > 0;
  }

  async record(
    eventId: string,
    applicationId: string,
    eventType: string,
    outcome: string,
  ): Promise<void> {
    await this.db.query(
      `INSERT INTO adapter_inbox (event_id, application_id, event_type, outcome)
       VALUES ($1, $2, $3, $4) ON CONFLICT (event_id) DO NOTHING`,
      [eventId, applicationId, eventType, outcome],
    );
  }
}
