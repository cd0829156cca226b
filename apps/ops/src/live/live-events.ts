import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { FlowRecord } from '@mpp/contracts';
import { databaseUrlFromEnv } from '@mpp/persistence';
import { Client } from 'pg';
import { Observable, Subject } from 'rxjs';
import type { EntityManager } from 'typeorm';
import type { DeadLetterState } from '../dead-letters/dead-letter.store';

export type LiveEvent =
  | { type: 'flow'; record: FlowRecord }
  /** Too many records arrived at once to show each; the feed should be read again. */
  | { type: 'flow-backlog'; count: number }
  | { type: 'dead-letter'; id: string; agency: string; state: DeadLetterState };

const CHANNEL = 'ops_live';
/** PostgreSQL refuses notification payloads of 8000 bytes or more. */
const MAX_PAYLOAD_BYTES = 7900;
const RECONNECT_DELAY_MS = 1000;

/**
 * What the dashboards of every ops instance should see now. Events travel through PostgreSQL
 * LISTEN/NOTIFY, sent in the transaction that stores their cause: an event is seen only once
 * committed, and by every instance, whichever one consumed the message.
 */
@Injectable()
export class LiveEvents implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(LiveEvents.name);
  private readonly events = new Subject<LiveEvent>();
  private readonly databaseUrl = databaseUrlFromEnv();
  private listener?: Client;
  private stopped = false;
  private reconnectTimer?: NodeJS.Timeout;

  /** Sends events when `transaction` commits. */
  static async announce(transaction: EntityManager, events: LiveEvent[]): Promise<void> {
    const payloads = events
      .map((event) => JSON.stringify(event))
      .filter((payload) => Buffer.byteLength(payload) < MAX_PAYLOAD_BYTES);
    if (payloads.length === 0) return;
    await transaction.query(`SELECT pg_notify($1, payload) FROM unnest($2::text[]) AS payload`, [
      CHANNEL,
      payloads,
    ]);
  }

  stream(): Observable<LiveEvent> {
    return this.events.asObservable();
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.listen();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.reconnectTimer);
    this.events.complete();
    await this.listener?.end().catch(() => undefined);
  }

  private async listen(): Promise<void> {
    const client = new Client({ connectionString: this.databaseUrl });
    this.listener = client;
    client.on('notification', (notification) => {
      if (notification.channel !== CHANNEL || !notification.payload) return;
      try {
        this.events.next(JSON.parse(notification.payload) as LiveEvent);
      } catch {
        this.logger.warn('ignored a live event that is not JSON');
      }
    });
    client.on('error', (error) => this.logger.warn(`live events connection: ${error.message}`));
    client.on('end', () => this.scheduleReconnect());
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
    } catch (error) {
      this.logger.warn(`live events not listening yet: ${String(error)}`);
      await client.end().catch(() => undefined);
      this.scheduleReconnect();
    }
  }

  private scheduleReconnect(): void {
    if (this.stopped) return;
    clearTimeout(this.reconnectTimer);
    this.reconnectTimer = setTimeout(() => void this.listen(), RECONNECT_DELAY_MS);
  }
}
