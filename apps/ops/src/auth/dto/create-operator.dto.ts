import { IsIn, Matches } from 'class-validator';
import { OperatorRoles, type OperatorRole } from '../operator';

/** Operator names are logins, such as `siti.aminah` or `oncall@diskominfo`. */
export const OPERATOR_NAME = /^[a-z0-9][a-z0-9._@-]{1,63}$/;

export class CreateOperatorDto {
  @Matches(OPERATOR_NAME, { message: 'name must be 2-64 lower-case letters, digits, . _ @ -' })
  name!: string;

  @IsIn(OperatorRoles)
  role!: OperatorRole;
}
