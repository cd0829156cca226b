import { randomUUID } from 'node:crypto';
import {
  BadGatewayException,
  Body,
  Controller,
  GatewayTimeoutException,
  Get,
  HttpCode,
  Inject,
  OnModuleInit,
  Post,
} from '@nestjs/common';
import { ClientKafka } from '@nestjs/microservices';
import { firstValueFrom, timeout, TimeoutError } from 'rxjs';
import { BASELINE_CONFIG, SUBMISSIONS_CLIENT } from './baseline-http.tokens';
import type { BaselineConfig } from '../baseline.config';
import { SUBMISSIONS_PATTERN } from '../submission-topics';
import { SubmissionDto, type SubmissionReply, type SubmissionRequest } from '../submission';

/**
 * The request-reply front door: the HTTP request waits until the agency side has handed the
 * application to the legacy system and replied over Kafka.
 */
@Controller()
export class SubmissionsController implements OnModuleInit {
  constructor(
    @Inject(SUBMISSIONS_CLIENT) private readonly kafka: ClientKafka,
    @Inject(BASELINE_CONFIG) private readonly config: BaselineConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    this.kafka.subscribeToResponseOf(SUBMISSIONS_PATTERN);
    await this.kafka.connect();
  }

  @Post('v1/applications')
  @HttpCode(201)
  async submit(@Body() body: SubmissionDto): Promise<SubmissionReply> {
    const request: SubmissionRequest = { ...body, id: randomUUID() };
    try {
      return await firstValueFrom(
        this.kafka
          .send<SubmissionReply, SubmissionRequest>(SUBMISSIONS_PATTERN, request)
          .pipe(timeout(this.config.replyTimeoutMs)),
      );
    } catch (error) {
      if (error instanceof TimeoutError) throw new GatewayTimeoutException('no reply in time');
      throw new BadGatewayException(String((error as { message?: unknown })?.message ?? error));
    }
  }

  @Get('health')
  health(): { status: string } {
    return { status: 'ok' };
  }
}
