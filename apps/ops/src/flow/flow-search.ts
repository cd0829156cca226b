import { Injectable } from '@nestjs/common';
import type { FlowRecord } from '@mpp/contracts';
import { CursorValues, decodeCursor, pageOf, type Page } from '../paging/cursor';
import { Problems } from '../problems/problem';
import type { FlowSearchQuery } from './dto/flow-search.query';
import { FlowRecordStore, type FlowFilters } from './flow-record.store';

/** Flow records matching the filters, newest first, a page at a time. */
@Injectable()
export class FlowSearch {
  constructor(private readonly store: FlowRecordStore) {}

  async page(query: FlowSearchQuery): Promise<Page<FlowRecord>> {
    const filters: FlowFilters = {
      agency: query.agency,
      serviceCode: query.service,
      hop: query.hop,
      outcome: query.outcome,
      from: query.from ? new Date(query.from) : undefined,
      to: query.to ? new Date(query.to) : undefined,
    };
    if (filters.from && filters.to && filters.from >= filters.to) {
      throw Problems.invalidField('to', 'isAfterFrom', 'to must be later than from');
    }
    const after = query.cursor
      ? decodeCursor(query.cursor, filters, {
          at: CursorValues.instant,
          seq: CursorValues.sequence,
        })
      : undefined;
    const rows = await this.store.search(filters, after, query.limit + 1);
    const page = pageOf(rows, query.limit, (row) => row.position, filters);
    return { items: page.items.map((row) => row.record), nextCursor: page.nextCursor };
  }
}
