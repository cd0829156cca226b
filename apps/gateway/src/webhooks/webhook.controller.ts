import { Body, Controller, Delete, Get, HttpCode, Put } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditActors, appendAuditRecord } from '@mpp/audit';
import { DataSource } from 'typeorm';
import type { AuthenticatedClient } from '../access/access-roles';
import { CurrentClient } from '../access/access.decorators';
import { AuditActions, AuditSubjects } from '../audit/audit-actions';
import type { GatewayConfig } from '../config/gateway.config';
import { ProblemError, Problems, ProblemTypes } from '../problems/problem';
import { RegisterWebhookDto } from './dto/register-webhook.dto';
import { WebhookSubscriptions, type WebhookSubscription } from './webhook-subscriptions';
import { webhookUrlRefusal } from './webhook-url-policy';

/** A client's own callback URL for the status changes of its applications. */
@ApiTags('webhooks')
@Controller('v1/webhook')
export class WebhookController {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly subscriptions: WebhookSubscriptions,
    private readonly config: ConfigService<GatewayConfig, true>,
  ) {}

  @Put()
  @ApiOperation({
    summary: 'Register or replace the webhook of this client',
    description:
      'Every status change of its applications is POSTed there, signed with the `secret` in ' +
      'this answer: shown once, and replaced at each registration. See docs/security.md.',
  })
  async register(
    @Body() body: RegisterWebhookDto,
    @CurrentClient() client: AuthenticatedClient,
  ): Promise<WebhookSubscription & { secret: string }> {
    const production = this.config.get('NODE_ENV', { infer: true }) === 'production';
    const refusal = webhookUrlRefusal(body.url, production);
    if (refusal) {
      throw Problems.validation([{ field: 'url', code: 'webhookUrl', message: refusal }]);
    }
    return this.db.transaction(async (tx) => {
      const registered = await this.subscriptions.register(tx, client.id, body.url);
      await appendAuditRecord(tx, {
        actor: AuditActors.client(client.id),
        action: AuditActions.webhookRegistered,
        subject: AuditSubjects.client(client.id),
        // The origin only: paths and queries may carry the receiver's own tokens.
        detail: { origin: new URL(body.url).origin },
      });
      return registered;
    });
  }

  @Get()
  @ApiOperation({ summary: 'The webhook of this client, without its secret' })
  async show(@CurrentClient() client: AuthenticatedClient): Promise<WebhookSubscription> {
    const subscription = await this.subscriptions.find(client.id);
    if (!subscription) throw webhookNotRegistered();
    return subscription;
  }

  @Delete()
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove the webhook of this client; nothing more is delivered' })
  async remove(@CurrentClient() client: AuthenticatedClient): Promise<void> {
    const removed = await this.db.transaction(async (tx) => {
      if (!(await this.subscriptions.remove(tx, client.id))) return false;
      await appendAuditRecord(tx, {
        actor: AuditActors.client(client.id),
        action: AuditActions.webhookRemoved,
        subject: AuditSubjects.client(client.id),
        detail: {},
      });
      return true;
    });
    if (!removed) throw webhookNotRegistered();
  }
}

function webhookNotRegistered(): ProblemError {
  return new ProblemError(ProblemTypes.notFound, 404, {
    id: 'Webhook belum didaftarkan',
    en: 'No webhook registered',
  });
}
