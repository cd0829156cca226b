import {
  ArgumentsHost,
  Catch,
  ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { preferredLanguage } from './accept-language';
import { FieldError, LocalizedText, ProblemError, ProblemType, ProblemTypes } from './problem';

const HTTP_PROBLEMS: Partial<Record<number, { type: ProblemType; title: LocalizedText }>> = {
  [HttpStatus.BAD_REQUEST]: {
    type: ProblemTypes.malformedRequest,
    title: { id: 'Permintaan tidak dapat dibaca', en: 'Malformed request' },
  },
  [HttpStatus.NOT_FOUND]: {
    type: ProblemTypes.notFound,
    title: { id: 'Tidak ditemukan', en: 'Not found' },
  },
  [HttpStatus.METHOD_NOT_ALLOWED]: {
    type: ProblemTypes.methodNotAllowed,
    title: { id: 'Metode tidak diizinkan', en: 'Method not allowed' },
  },
  [HttpStatus.PAYLOAD_TOO_LARGE]: {
    type: ProblemTypes.payloadTooLarge,
    title: { id: 'Isi permintaan terlalu besar', en: 'Request body too large' },
  },
  [HttpStatus.TOO_MANY_REQUESTS]: {
    type: ProblemTypes.rateLimited,
    title: { id: 'Terlalu banyak permintaan', en: 'Too many requests' },
  },
  [HttpStatus.UNSUPPORTED_MEDIA_TYPE]: {
    type: ProblemTypes.unsupportedMediaType,
    title: { id: 'Jenis isi tidak didukung', en: 'Unsupported media type' },
  },
};

/** The one place that turns failures into RFC 9457 application/problem+json. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger(ProblemDetailsFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const language = preferredLanguage(request.headers['accept-language']);
    const problem = this.toProblem(exception);
    if (problem.status >= 500) {
      this.logger.error(
        `unhandled error on ${request.method} ${request.path}: ${String(exception)}`,
        exception instanceof Error ? exception.stack : undefined,
      );
    }
    const body: Record<string, unknown> = {
      type: problem.type,
      title: problem.title[language],
      status: problem.status,
      instance: request.originalUrl?.split('?')[0] ?? request.path,
    };
    if (problem.detail) body.detail = problem.detail[language];
    if (problem.errors) body.errors = problem.errors;
    response
      .status(problem.status)
      .setHeader('Content-Language', language)
      .type('application/problem+json')
      .send(JSON.stringify(body));
  }

  private toProblem(exception: unknown): {
    type: ProblemType;
    status: number;
    title: LocalizedText;
    detail?: LocalizedText;
    errors?: FieldError[];
  } {
    if (exception instanceof ProblemError) return exception;
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const known = HTTP_PROBLEMS[status];
      if (known) {
        const message = exception.message;
        return { ...known, status, detail: message ? { id: message, en: message } : undefined };
      }
      if (status < 500) {
        const title = exception.message || 'Request refused';
        return { type: ProblemTypes.malformedRequest, status, title: { id: title, en: title } };
      }
    }
    // body-parser errors carry an HTTP status but are not HttpExceptions.
    const parserStatus = (exception as { status?: number; type?: string })?.status;
    if (typeof parserStatus === 'number' && parserStatus >= 400 && parserStatus < 500) {
      const known = HTTP_PROBLEMS[parserStatus] ?? HTTP_PROBLEMS[HttpStatus.BAD_REQUEST]!;
      return { ...known, status: parserStatus };
    }
    return {
      type: ProblemTypes.internal,
      status: 500,
      title: { id: 'Terjadi kesalahan pada server', en: 'Internal server error' },
    };
  }
}
