import {
  Injectable,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { map, type Observable } from 'rxjs';
import { preferredLanguage } from '@mpp/problems';
import type { Language } from '../problems/problem';
import { toCsv, type CsvTable } from './csv';

/** A report as a route returns it: the data, and how it reads as one CSV table. */
export class ReportDocument<T> {
  constructor(
    readonly report: T,
    readonly filename: string,
    readonly asTable: (report: T, language: Language) => CsvTable,
  ) {}
}

/**
 * Answers a report as JSON, or as a UTF-8 CSV download when `?format=csv` asks for it or, without
 * `format`, when the Accept header prefers text/csv. CSV names are in the Accept-Language.
 */
@Injectable()
export class ReportFormatInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    return next
      .handle()
      .pipe(
        map((value: unknown) =>
          value instanceof ReportDocument ? this.render(value, request, response) : value,
        ),
      );
  }

  private render<T>(document: ReportDocument<T>, request: Request, response: Response): T | string {
    if (!wantsCsv(request)) return document.report;
    response.setHeader('Content-Type', 'text/csv; charset=utf-8');
    response.setHeader('Content-Disposition', `attachment; filename="${document.filename}.csv"`);
    const language = preferredLanguage(request.headers['accept-language']);
    return toCsv(document.asTable(document.report, language));
  }
}

function wantsCsv(request: Request): boolean {
  const format = request.query.format;
  if (format === 'csv' || format === 'json') return format === 'csv';
  return request.accepts(['application/json', 'text/csv']) === 'text/csv';
}
