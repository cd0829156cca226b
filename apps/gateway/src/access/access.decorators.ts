import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { AccessRole, AuthenticatedClient } from './access-roles';

export const REQUIRED_ROLES = 'mpp:required-roles';

/** Only clients holding one of these roles; without this, the `client` role is required. */
export const RequireRoles = (...roles: AccessRole[]) => SetMetadata(REQUIRED_ROLES, roles);

/** The client the request was authenticated as. */
export const CurrentClient = createParamDecorator(
  (_data: unknown, context: ExecutionContext): AuthenticatedClient =>
    context.switchToHttp().getRequest<{ client: AuthenticatedClient }>().client,
);
