import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { OpsConfig } from '../config/ops.config';
import { FlowRecordStore } from './flow-record.store';

const DAY_MS = 24 * 3600 * 1000;

/** Deletes flow records older than OPS_FLOW_RETENTION_DAYS, periodically and on demand. */
@Injectable()
export class FlowRetention implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(FlowRetention.name);
  private readonly retentionMs: number;
  private readonly intervalMs: number;
  private timer?: NodeJS.Timeout;

  constructor(
    config: ConfigService<OpsConfig, true>,
    private readonly store: FlowRecordStore,
  ) {
    this.retentionMs = config.get('OPS_FLOW_RETENTION_DAYS', { infer: true }) * DAY_MS;
    this.intervalMs = config.get('OPS_RETENTION_INTERVAL_MINUTES', { infer: true }) * 60000;
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.prune().catch((error: unknown) =>
        this.logger.warn(`flow retention failed: ${String(error)}`),
      );
    }, this.intervalMs);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** Prunes what is older than the retention as of `now`; returns how many records went. */
  async prune(now = new Date()): Promise<number> {
    const count = await this.store.pruneBefore(new Date(now.getTime() - this.retentionMs));
    if (count > 0) this.logger.log(`pruned ${count} flow records`);
    return count;
  }
}
