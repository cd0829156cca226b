import {
  Body,
  Controller,
  Header,
  Headers,
  HttpCode,
  HttpStatus,
  Post,
  UseFilters,
} from '@nestjs/common';
import { FaultInjector } from '../fault-injection/fault-injector';
import { bodyMembers } from '../rest/rest-submission';
import { JsonRefusalFilter } from '../rest/json-refusal.filter';
import { SimulatedSystem } from '../simulated-systems';
import { type AccessTokenResponse, PermitsAccessTokens } from './permits-access-tokens';
import { renderOAuthRefusal } from './permits-refusal';
import { PERMITS_BASE_PATH } from './permits.contract';

/** The OAuth2 token endpoint; the only call that needs no `user_key`. */
@Controller(`${PERMITS_BASE_PATH}/oauth`)
@UseFilters(new JsonRefusalFilter(renderOAuthRefusal))
export class PermitsOAuthController {
  constructor(
    private readonly tokens: PermitsAccessTokens,
    private readonly faults: FaultInjector,
  ) {}

  @Post('token')
  @HttpCode(HttpStatus.OK)
  @Header('Cache-Control', 'no-store')
  token(
    @Body() body: unknown,
    @Headers('authorization') authorization: string | undefined,
  ): Promise<AccessTokenResponse> {
    return this.faults.intercept(SimulatedSystem.permits, () =>
      this.tokens.grant(bodyMembers(body).grant_type, authorization),
    );
  }
}
