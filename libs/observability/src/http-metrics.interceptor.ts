import {
  Inject,
  Injectable,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { Histogram, type Registry } from 'prom-client';
import { finalize, type Observable } from 'rxjs';
import { METRICS_REGISTRY } from './metrics.tokens';

/**
 * Times every HTTP request by method, route pattern (never the raw path, which would carry ids)
 * and status code.
 */
@Injectable()
export class HttpMetricsInterceptor implements NestInterceptor {
  private readonly duration: Histogram<'method' | 'route' | 'status'>;

  constructor(@Inject(METRICS_REGISTRY) registry: Registry) {
    this.duration = new Histogram({
      name: 'mpp_http_request_duration_seconds',
      help: 'HTTP requests served, by method, route and status.',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    });
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const http = context.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const stop = this.duration.startTimer();
    return next.handle().pipe(
      finalize(() => {
        const route = (request.route as { path?: string } | undefined)?.path ?? 'unmatched';
        // The status is final only once the response is sent (exception filters run later).
        response.once('finish', () =>
          stop({ method: request.method, route, status: String(response.statusCode) }),
        );
      }),
    );
  }
}
