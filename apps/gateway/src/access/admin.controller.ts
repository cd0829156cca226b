import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Put,
} from '@nestjs/common';
import { ApiSecurity, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditActors, appendAuditRecord } from '@mpp/audit';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditActions, AuditSubjects } from '../audit/audit-actions';
import { Problems } from '../problems/problem';
import { AccessRoles, type AuthenticatedClient } from './access-roles';
import { CurrentClient, RequireRoles } from './access.decorators';
import { ClientDirectory, type ClientView, type IssuedKey } from './client-directory';
import { CreateClientDto, GrantsDto } from './dto/client.dto';

const CLIENT_ID = /^[a-z][a-z0-9-]{2,40}$/;

/** Clients, their keys and grants, managed by administrators. */
@ApiTags('admin')
@ApiSecurity('api-key')
@RequireRoles(AccessRoles.admin)
@Controller('v1/admin/clients')
export class AdminController {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly directory: ClientDirectory,
  ) {}

  /** Creates a client with its first key; the key is in this answer only. */
  @Post()
  async create(
    @Body() body: CreateClientDto,
    @CurrentClient() admin: AuthenticatedClient,
  ): Promise<ClientView & { apiKey: string }> {
    return this.db.transaction(async (tx) => {
      if (await this.directory.exists(body.id, tx)) throw Problems.clientExists(body.id);
      await this.directory.create(tx, body);
      const { apiKey, keyId, hint } = await this.directory.issueKey(tx, body.id);
      await this.audit(tx, admin, AuditActions.clientCreated, body.id, {
        roles: body.roles,
        grants: body.grants,
        keyId,
        hint,
      });
      return { ...(await this.directory.view(body.id, tx))!, apiKey };
    });
  }

  @Get()
  async list(): Promise<ClientView[]> {
    const ids = await this.directory.list();
    const views = await Promise.all(ids.map((id) => this.directory.view(id)));
    return views.filter((view): view is ClientView => view !== undefined);
  }

  @Get(':clientId')
  async show(@Param('clientId') clientId: string): Promise<ClientView> {
    return (await this.directory.view(this.knownId(clientId))) ?? this.notFound(clientId);
  }

  /** Another key for rotation: both work until the old one is revoked. */
  @Post(':clientId/keys')
  async issueKey(
    @Param('clientId') clientId: string,
    @CurrentClient() admin: AuthenticatedClient,
  ): Promise<IssuedKey> {
    return this.db.transaction(async (tx) => {
      if (!(await this.directory.exists(this.knownId(clientId), tx))) this.notFound(clientId);
      const issued = await this.directory.issueKey(tx, clientId);
      await this.audit(tx, admin, AuditActions.keyIssued, clientId, {
        keyId: issued.keyId,
        hint: issued.hint,
      });
      return issued;
    });
  }

  @Delete(':clientId/keys/:keyId')
  @HttpCode(204)
  async revokeKey(
    @Param('clientId') clientId: string,
    @Param('keyId', new ParseUUIDPipe()) keyId: string,
    @CurrentClient() admin: AuthenticatedClient,
  ): Promise<void> {
    const revoked = await this.db.transaction(async (tx) => {
      if (!(await this.directory.revokeKey(tx, this.knownId(clientId), keyId))) return false;
      await this.audit(tx, admin, AuditActions.keyRevoked, clientId, { keyId });
      return true;
    });
    if (!revoked) throw Problems.keyNotFound();
  }

  @Put(':clientId/grants')
  async replaceGrants(
    @Param('clientId') clientId: string,
    @Body() body: GrantsDto,
    @CurrentClient() admin: AuthenticatedClient,
  ): Promise<ClientView> {
    return this.db.transaction(async (tx) => {
      if (!(await this.directory.exists(this.knownId(clientId), tx))) this.notFound(clientId);
      await this.directory.replaceGrants(tx, clientId, body.grants);
      await this.audit(tx, admin, AuditActions.grantsReplaced, clientId, { grants: body.grants });
      return (await this.directory.view(clientId, tx))!;
    });
  }

  private audit(
    tx: EntityManager,
    admin: AuthenticatedClient,
    action: string,
    clientId: string,
    detail: Record<string, unknown>,
  ): Promise<void> {
    return appendAuditRecord(tx, {
      actor: AuditActors.client(admin.id),
      action,
      subject: AuditSubjects.client(clientId),
      detail,
    });
  }

  private knownId(clientId: string): string {
    if (!CLIENT_ID.test(clientId)) this.notFound(clientId);
    return clientId;
  }

  private notFound(clientId: string): never {
    throw Problems.clientNotFound(clientId);
  }
}
