import {
  ArgumentsHost,
  Catch,
  HttpException,
  HttpStatus,
  Logger,
  type ExceptionFilter,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { CallbackProblem, CallbackProblems } from './callback-problem';

/** Renders every failure of the callback endpoint as application/problem+json. */
@Catch()
export class CallbackProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger(CallbackProblemFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const problem = this.toProblem(exception);
    if (problem.status >= 500) {
      this.logger.error(
        `callback on ${request.path} failed: ${String(exception)}`,
        exception instanceof Error ? exception.stack : undefined,
      );
    }
    const body: Record<string, unknown> = {
      type: problem.type,
      title: problem.title,
      status: problem.status,
      instance: request.path,
    };
    if (problem.detail) body.detail = problem.detail;
    if (problem.errors) body.errors = problem.errors;
    http
      .getResponse<Response>()
      .status(problem.status)
      .type('application/problem+json')
      .send(JSON.stringify(body));
  }

  private toProblem(exception: unknown): CallbackProblem {
    if (exception instanceof CallbackProblem) return exception;
    if (exception instanceof HttpException && exception.getStatus() < 500) {
      const malformed = CallbackProblems.malformed(exception.message);
      return new CallbackProblem(
        exception.getStatus(),
        malformed.type,
        malformed.title,
        malformed.detail,
      );
    }
    return new CallbackProblem(
      HttpStatus.INTERNAL_SERVER_ERROR,
      '/problems/internal-error',
      'Internal error',
      'The callback could not be applied now; send it again later.',
    );
  }
}
