import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { METRICS_REGISTRY } from '@mpp/observability';
import { Gauge, type Registry } from 'prom-client';
import { DataSource } from 'typeorm';

/**
 * The outbox backlog as Prometheus sees it, read at scrape time: how many committed events wait
 * for Kafka, and how long the oldest has waited. A growing age means the relay cannot publish.
 */
@Injectable()
export class OutboxMetrics {
  constructor(@InjectDataSource() db: DataSource, @Inject(METRICS_REGISTRY) registry: Registry) {
    let last: Promise<{ pending: number; oldest: number }> | undefined;
    // Both gauges are filled from one query per scrape.
    const backlog = () => {
      last ??= db
        .query<{ pending: string; oldest: number | null }[]>(
          `SELECT count(*) AS pending,
                  extract(epoch FROM now() - min(created_at))::float8 AS oldest
             FROM outbox WHERE published_at IS NULL`,
        )
        .then(([row]) => ({ pending: Number(row.pending), oldest: row.oldest ?? 0 }))
        .finally(() => setImmediate(() => (last = undefined)));
      return last;
    };
    new Gauge({
      name: 'mpp_outbox_pending_events',
      help: 'Committed events not yet published to Kafka.',
      registers: [registry],
      async collect() {
        this.set((await backlog()).pending);
      },
    });
    new Gauge({
      name: 'mpp_outbox_oldest_pending_age_seconds',
      help: 'Age of the oldest event waiting in the outbox; 0 when none waits.',
      registers: [registry],
      async collect() {
        this.set((await backlog()).oldest);
      },
    });
  }
}
