import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { GatewayConfig } from '../config/gateway.config';

/** Rows deleted per statement, so a large backlog never holds many locks at once. */
const BATCH = 5000;

/**
 * Deletes expired Idempotency-Key records every IDEMPOTENCY_PURGE_INTERVAL_MS on instances that
 * serve the API. An expired record is already ignored; this only keeps the table small. Rows a
 * request holds, or another instance is deleting, are skipped.
 */
@Injectable()
export class IdempotencyPurge implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(IdempotencyPurge.name);
  private timer?: NodeJS.Timeout;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly config: ConfigService<GatewayConfig, true>,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.get('GATEWAY_ROLES', { infer: true }).includes('api')) return;
    this.timer = setInterval(
      () => {
        this.purge().catch((error: unknown) =>
          this.logger.warn(`expired idempotency records not purged: ${String(error)}`),
        );
      },
      this.config.get('IDEMPOTENCY_PURGE_INTERVAL_MS', { infer: true }),
    );
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** Deletes every record expired by now; returns how many went. */
  async purge(): Promise<number> {
    let purged = 0;
    for (;;) {
      const [, deleted]: [unknown, number] = await this.db.query(
        `DELETE FROM idempotency_record
          WHERE (client_id, key) IN (
            SELECT client_id, key FROM idempotency_record
             WHERE expires_at <= now()
             LIMIT $1
             FOR UPDATE SKIP LOCKED)`,
        [BATCH],
      );
      purged += deleted;
      if (deleted < BATCH) break;
    }
    if (purged > 0) this.logger.log(`purged ${purged} expired idempotency records`);
    return purged;
  }
}
