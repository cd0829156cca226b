import { FlowHops } from '@mpp/contracts';
import { IsIn, IsISO8601, IsOptional, Matches } from 'class-validator';
import { PageQuery } from '../../paging/page-query';
import { IsAgencyCode, IsServiceCode } from '../../validation/contract-codes';

/** `GET /v1/flows` filters; `from` is inclusive, `to` exclusive. */
export class FlowSearchQuery extends PageQuery {
  @IsOptional()
  @IsAgencyCode()
  agency?: string;

  @IsOptional()
  @IsServiceCode()
  service?: string;

  @IsOptional()
  @IsIn(Object.values(FlowHops))
  hop?: string;

  @IsOptional()
  @Matches(/^[\w.-]{1,64}$/)
  outcome?: string;

  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
}
