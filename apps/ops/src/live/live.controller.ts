import { Controller, Req, Sse, type MessageEvent } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { filter, interval, map, merge, switchMap, take, takeUntil, type Observable } from 'rxjs';
import type { OperatorRequest } from '../auth/access.decorators';
import { Authenticator } from '../auth/authenticator';
import type { OpsConfig } from '../config/ops.config';
import { HealthSnapshots } from './health-snapshots';
import { LiveEvents } from './live-events';

/**
 * `GET /v1/stream`: server-sent events for the dashboard, authorised like any route (the
 * browser's EventSource sends the session cookie). Events: `flow`, `flow-backlog`,
 * `dead-letter` and `health`. The stream ends once its credential is revoked or expires.
 */
@Controller('v1')
export class LiveController {
  private readonly recheckMs: number;

  constructor(
    private readonly live: LiveEvents,
    private readonly snapshots: HealthSnapshots,
    private readonly authenticator: Authenticator,
    config: ConfigService<OpsConfig, true>,
  ) {
    this.recheckMs = config.get('OPS_LIVE_INTERVAL_MS', { infer: true });
  }

  /** Live flow records, dead-letter changes and agency health (SSE). */
  @Sse('stream')
  stream(@Req() request: OperatorRequest): Observable<MessageEvent> {
    const revoked = interval(this.recheckMs).pipe(
      switchMap(() => this.authenticator.identify(request)),
      filter((operator) => operator === undefined),
      take(1),
    );
    return merge(
      this.live.stream().pipe(map((event) => ({ type: event.type, data: event }))),
      this.snapshots.stream().pipe(map((snapshot) => ({ type: 'health', data: snapshot }))),
    ).pipe(takeUntil(revoked));
  }
}
