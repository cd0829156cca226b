import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { PUBLIC_ROUTE } from '@mpp/observability';
import type { Request, Response } from 'express';
import { Problems } from '../problems/problem';
import { AccessRoles, type AccessRole, type AuthenticatedClient } from './access-roles';
import { REQUIRED_ROLES } from './access.decorators';
import { presentedKey } from './api-key';
import { ClientDirectory } from './client-directory';

/**
 * Deny by default: every HTTP route needs a live API key and a role, unless marked public. A
 * revoked key fails on its next request: keys are looked up on every request, not cached.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly directory: ClientDirectory,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    // Kafka handlers are not requests from clients.
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const http = context.switchToHttp();
    const request = http.getRequest<Request & { client?: AuthenticatedClient }>();
    const key = presentedKey(request.headers);
    const client = key ? await this.directory.authenticate(key) : undefined;
    if (!client) {
      http.getResponse<Response>().setHeader('WWW-Authenticate', 'Bearer realm="mpp-gateway"');
      throw key ? Problems.invalidCredentials() : Problems.missingCredentials();
    }
    const required = this.reflector.getAllAndOverride<AccessRole[] | undefined>(
      REQUIRED_ROLES,
      targets,
    ) ?? [AccessRoles.client];
    if (!required.some((role) => client.roles.includes(role))) throw Problems.forbidden();
    request.client = client;
    return true;
  }
}
