import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { PUBLIC_ROUTE } from '@mpp/observability';
import { Problems } from '../problems/problem';
import { REQUIRED_ROLE, type OperatorRequest } from './access.decorators';
import { Authenticator } from './authenticator';
import { roleGrants, type OperatorRole } from './operator';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Deny by default: every route needs an operator with the route's role unless it is marked
 * public (health, metrics and signing in). A change made with the session cookie must also
 * come from the dashboard's own origin.
 */
@Injectable()
export class OperatorGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: Authenticator,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<OperatorRequest>();
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;

    const operator = await this.authenticator.identify(request);
    if (!operator) throw Problems.unauthenticated();
    const needed = this.reflector.getAllAndOverride<OperatorRole>(REQUIRED_ROLE, targets) ?? 'ops';
    if (!roleGrants(operator.role, needed)) throw Problems.forbidden(needed);
    if (operator.via === 'session' && !SAFE_METHODS.has(request.method) && !sameOrigin(request)) {
      throw Problems.crossOrigin();
    }
    request.operator = operator;
    return true;
  }
}

/** Browsers send Origin on every cross-origin and every non-GET request. */
function sameOrigin(request: OperatorRequest): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}
