import { IsIn, IsOptional } from 'class-validator';
import { PageQuery } from '../../paging/page-query';
import { IsAgencyCode } from '../../validation/contract-codes';
import type { DeadLetterState } from '../dead-letter.store';

export const DEAD_LETTER_STATES: DeadLetterState[] = ['parked', 'replayed', 'discarded'];

export class DeadLetterListQuery extends PageQuery {
  @IsOptional()
  @IsAgencyCode()
  agency?: string;

  @IsOptional()
  @IsIn(DEAD_LETTER_STATES)
  state?: DeadLetterState;
}
