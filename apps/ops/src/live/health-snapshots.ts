import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { catchError, EMPTY, exhaustMap, from, shareReplay, timer, type Observable } from 'rxjs';
import type { OpsConfig } from '../config/ops.config';
import { AgencyHealthReport, type AgencyHealth } from '../health/agency-health';
import { ConsumerLagReader, type GroupLag } from '../health/consumer-lag';

export interface HealthSnapshot {
  generatedAt: string;
  agencies: AgencyHealth[];
  consumerLag: GroupLag[];
}

/**
 * Agency health and consumer lag every OPS_LIVE_INTERVAL_MS, computed once for all open
 * dashboards and only while at least one is open; a dashboard that opens gets the latest.
 */
@Injectable()
export class HealthSnapshots {
  private readonly logger = new Logger(HealthSnapshots.name);
  private readonly snapshots: Observable<HealthSnapshot>;

  constructor(
    config: ConfigService<OpsConfig, true>,
    private readonly health: AgencyHealthReport,
    private readonly lag: ConsumerLagReader,
  ) {
    this.snapshots = timer(0, config.get('OPS_LIVE_INTERVAL_MS', { infer: true })).pipe(
      exhaustMap(() =>
        from(this.take()).pipe(
          catchError((error: unknown) => {
            this.logger.warn(`health snapshot failed: ${String(error)}`);
            return EMPTY;
          }),
        ),
      ),
      shareReplay({ bufferSize: 1, refCount: true }),
    );
  }

  stream(): Observable<HealthSnapshot> {
    return this.snapshots;
  }

  private async take(): Promise<HealthSnapshot> {
    const [agencies, consumerLag] = await Promise.all([this.health.report(), this.lag.read()]);
    return { generatedAt: new Date().toISOString(), agencies, consumerLag };
  }
}
