import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Req,
  Res,
} from '@nestjs/common';
import { ApiAcceptedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { correlationIdOf } from '@mpp/observability';
import type { Request, Response } from 'express';
import { ProblemError, Problems } from '../problems/problem';
import { ApplicationReader } from './application-reader';
import { applicationView } from './application-views';
import { SubmitApplicationDto } from './dto/submit-application.dto';
import { SubmitApplication } from './submit-application.use-case';

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;

@ApiTags('applications')
@Controller('v1/applications')
export class ApplicationsController {
  constructor(
    private readonly submitApplication: SubmitApplication,
    private readonly reader: ApplicationReader,
  ) {}

  @Post()
  @HttpCode(202)
  @ApiOperation({ summary: 'Submit an application for any service in the catalog' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Retry-safe submission key' })
  @ApiAcceptedResponse({ description: 'Committed; the agency will receive it' })
  async submit(
    @Body() body: SubmitApplicationDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Headers('traceparent') traceparent: string | undefined,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ) {
    if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY.test(idempotencyKey)) {
      throw Problems.validation([
        {
          field: 'Idempotency-Key',
          code: 'idempotencyKey',
          message: 'Idempotency-Key must be 1-200 visible ASCII characters',
        },
      ]);
    }
    const { receipt, replayed } = await this.submitApplication.execute({
      body,
      clientId: 'public',
      idempotencyKey,
      correlationId: correlationIdOf(request),
      traceparent: isTraceparent(traceparent) ? traceparent : undefined,
    });
    const location = `/v1/applications/${receipt.id}`;
    response.setHeader('Location', location);
    if (replayed) response.setHeader('Idempotent-Replayed', 'true');
    return {
      ...receipt,
      links: { self: location, track: `/v1/track/${receipt.trackingNumber}` },
    };
  }

  @Get(':id')
  @ApiOperation({ summary: 'An application with its full status timeline' })
  async get(@Param('id', new ParseUUIDPipe({ exceptionFactory: () => notFound() })) id: string) {
    const found = await this.reader.byId(id);
    if (!found) throw Problems.applicationNotFound();
    return applicationView(found.application, found.changes);
  }
}

function notFound(): ProblemError {
  return Problems.applicationNotFound();
}

function isTraceparent(value: string | undefined): value is string {
  return value !== undefined && /^00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$/.test(value);
}
