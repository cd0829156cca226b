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
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Problems } from '../problems/problem';
import { AccessRoles, type AuthenticatedClient } from '../access/access-roles';
import { CurrentClient, RequireRoles } from '../access/access.decorators';
import { ApplicationReader } from './application-reader';
import { applicationView, type ApplicationView } from './application-views';
import { CancelApplication } from './cancel-application.use-case';
import { CancelApplicationDto } from './dto/cancel-application.dto';
import { ResubmitApplicationDto } from './dto/resubmit-application.dto';
import { SubmitApplicationDto } from './dto/submit-application.dto';
import { assertMayAccess, requestOrigin } from './request-origin';
import { ResubmitApplication } from './resubmit-application.use-case';
import { SubmitApplication } from './submit-application.use-case';

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;
const IDEMPOTENCY_KEY_HEADER = {
  name: 'Idempotency-Key',
  required: false,
  description: 'Retry-safe request key: the same key and body get the first answer again',
};

/** An id that is no UUID names no application. */
const APPLICATION_ID_TO_READ = new ParseUUIDPipe({
  exceptionFactory: () => Problems.applicationNotFound(),
});
/** A request about an application must name it properly. */
const APPLICATION_ID_TO_CHANGE = new ParseUUIDPipe({
  exceptionFactory: () =>
    Problems.validation([{ field: 'id', code: 'isUuid', message: 'id must be a UUID' }]),
});

@ApiTags('applications')
@Controller('v1/applications')
export class ApplicationsController {
  constructor(
    private readonly submitApplication: SubmitApplication,
    private readonly resubmitApplication: ResubmitApplication,
    private readonly cancelApplication: CancelApplication,
    private readonly reader: ApplicationReader,
  ) {}

  @Post()
  @HttpCode(202)
  @ApiOperation({ summary: 'Submit an application for any service in the catalog' })
  @ApiHeader(IDEMPOTENCY_KEY_HEADER)
  @ApiAcceptedResponse({ description: 'Committed; the agency will receive it' })
  async submit(
    @Body() body: SubmitApplicationDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ) {
    const { receipt, replayed } = await this.submitApplication.execute({
      body,
      origin: requestOrigin(request),
      idempotencyKey: checkedIdempotencyKey(idempotencyKey),
    });
    const location = setAcceptedHeaders(response, receipt.id, replayed);
    return {
      ...receipt,
      links: { self: location, track: `/v1/track/${receipt.trackingNumber}` },
    };
  }

  @Get(':id')
  @RequireRoles(AccessRoles.client, AccessRoles.ops, AccessRoles.admin)
  @ApiOperation({ summary: 'An application with its full timeline, revision and pending requests' })
  async get(
    @Param('id', APPLICATION_ID_TO_READ) id: string,
    @CurrentClient() client: AuthenticatedClient,
  ) {
    const found = await this.reader.byId(id);
    if (!found) throw Problems.applicationNotFound();
    assertMayAccess(client, found.application);
    return applicationView(found);
  }

  @Post(':id/resubmission')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Send corrected data after the agency asked for a revision (NEEDS_REVISION)',
    description:
      "`data` is checked against the service's JSON Schema as at intake; `documents`, when " +
      'given, replace the earlier ones. Each resubmission raises `revision` by one.',
  })
  @ApiHeader(IDEMPOTENCY_KEY_HEADER)
  @ApiAcceptedResponse({ description: 'Committed; the agency will receive the corrected data' })
  @ApiBadRequestResponse({ description: 'Malformed id or invalid data (field errors)' })
  @ApiNotFoundResponse({ description: 'No such application' })
  @ApiConflictResponse({
    description:
      '/problems/resubmission-not-allowed: not in NEEDS_REVISION, or an earlier resubmission ' +
      'or a cancellation is still pending',
  })
  async resubmit(
    @Param('id', APPLICATION_ID_TO_CHANGE) id: string,
    @Body() body: ResubmitApplicationDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ApplicationView> {
    const { view, replayed } = await this.resubmitApplication.execute({
      applicationId: id,
      body,
      origin: requestOrigin(request),
      idempotencyKey: checkedIdempotencyKey(idempotencyKey),
    });
    setAcceptedHeaders(response, id, replayed);
    return view;
  }

  @Post(':id/cancellation')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Ask the agency to withdraw an application it has not decided yet',
    description:
      'The status becomes CANCELLED when the agency confirms; until then the cancellation is ' +
      'listed in `pendingRequests`, and asking again answers the same way.',
  })
  @ApiAcceptedResponse({ description: 'Committed; the agency will receive the cancellation' })
  @ApiBadRequestResponse({ description: 'Malformed id or reason' })
  @ApiNotFoundResponse({ description: 'No such application' })
  @ApiConflictResponse({
    description: '/problems/cancellation-not-allowed: the agency already decided, or it is final',
  })
  async cancel(
    @Param('id', APPLICATION_ID_TO_CHANGE) id: string,
    @Body() body: CancelApplicationDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ApplicationView> {
    const view = await this.cancelApplication.execute({
      applicationId: id,
      reason: body.reason,
      origin: requestOrigin(request),
    });
    setAcceptedHeaders(response, id, false);
    return view;
  }
}

function checkedIdempotencyKey(value: string | undefined): string | undefined {
  if (value !== undefined && !IDEMPOTENCY_KEY.test(value)) {
    throw Problems.validation([
      {
        field: 'Idempotency-Key',
        code: 'idempotencyKey',
        message: 'Idempotency-Key must be 1-200 visible ASCII characters',
      },
    ]);
  }
  return value;
}

/** Location of the accepted request's application, and whether this replays an earlier answer. */
function setAcceptedHeaders(response: Response, id: string, replayed: boolean): string {
  const location = `/v1/applications/${id}`;
  response.setHeader('Location', location);
  if (replayed) response.setHeader('Idempotent-Replayed', 'true');
  return location;
}
