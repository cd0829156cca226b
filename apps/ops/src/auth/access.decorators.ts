import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { AuthenticatedOperator, OperatorRole } from './operator';

export const REQUIRED_ROLE = Symbol('REQUIRED_ROLE');

/** A route for this role and above; without it a route needs the `ops` role. */
export const RequiresRole = (role: OperatorRole) => SetMetadata(REQUIRED_ROLE, role);

export type OperatorRequest = Request & { operator?: AuthenticatedOperator };

/** The operator the guard identified. */
export const CurrentOperator = createParamDecorator(
  (_data: unknown, context: ExecutionContext): AuthenticatedOperator => {
    const operator = context.switchToHttp().getRequest<OperatorRequest>().operator;
    if (!operator) throw new Error('CurrentOperator used on a route the guard did not check');
    return operator;
  },
);
