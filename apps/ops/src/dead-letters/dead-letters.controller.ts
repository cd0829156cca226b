import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
  Query,
  type PipeTransform,
} from '@nestjs/common';
import { CurrentOperator } from '../auth/access.decorators';
import type { AuthenticatedOperator } from '../auth/operator';
import { CursorValues, decodeCursor, pageOf } from '../paging/cursor';
import { Problems } from '../problems/problem';
import { DeadLetterStore, type DeadLetterSummary } from './dead-letter.store';
import { deadLetterDetailView, deadLetterSummaryView } from './dead-letter-views';
import { DeadLetterListQuery } from './dto/dead-letter-list.query';
import { HandleSelectionDto, HandlingReasonDto } from './dto/handling-reason.dto';
import { HandleDeadLetters } from './handle-dead-letters.use-case';

const DEAD_LETTER = { id: 'Dead letter', en: 'Dead letter' };

/** Dead-letter ids are positive whole numbers; anything else names none. */
const DEAD_LETTER_ID: PipeTransform<string, string> = {
  transform: (value) => {
    if (!/^\d{1,18}$/.test(value)) throw Problems.notFound(DEAD_LETTER);
    return value;
  },
};

@Controller('v1/dead-letters')
export class DeadLettersController {
  constructor(
    private readonly store: DeadLetterStore,
    private readonly handling: HandleDeadLetters,
  ) {}

  /** Dead letters by agency and state, newest first. */
  @Get()
  async list(@Query() query: DeadLetterListQuery) {
    const filters = { agency: query.agency, state: query.state };
    const after = query.cursor
      ? decodeCursor(query.cursor, filters, { id: CursorValues.sequence }).id
      : undefined;
    const rows = await this.store.list(filters, after, query.limit + 1);
    const page = pageOf(rows, query.limit, (row) => ({ id: row.id }), filters);
    return { items: page.items.map(deadLetterSummaryView), nextCursor: page.nextCursor };
  }

  /** One dead letter: why it was parked, its headers and payload, masked. */
  @Get(':id')
  async detail(@Param('id', DEAD_LETTER_ID) id: string) {
    const letter = await this.store.find(id);
    if (!letter) throw Problems.notFound(DEAD_LETTER);
    return deadLetterDetailView(letter);
  }

  /** Replay a selection to its source topics, all or none. */
  @Post('replay')
  @HttpCode(200)
  replaySelection(
    @Body() body: HandleSelectionDto,
    @CurrentOperator() operator: AuthenticatedOperator,
  ) {
    return this.answer(this.handling.replay({ ...body, operator }));
  }

  /** Discard a selection, all or none. */
  @Post('discard')
  @HttpCode(200)
  discardSelection(
    @Body() body: HandleSelectionDto,
    @CurrentOperator() operator: AuthenticatedOperator,
  ) {
    return this.answer(this.handling.discard({ ...body, operator }));
  }

  /** Replay one dead letter to its source topic. */
  @Post(':id/replay')
  @HttpCode(200)
  replay(
    @Param('id', DEAD_LETTER_ID) id: string,
    @Body() body: HandlingReasonDto,
    @CurrentOperator() operator: AuthenticatedOperator,
  ) {
    return this.answer(this.handling.replay({ ids: [id], reason: body.reason, operator }));
  }

  /** Discard one dead letter. */
  @Post(':id/discard')
  @HttpCode(200)
  discard(
    @Param('id', DEAD_LETTER_ID) id: string,
    @Body() body: HandlingReasonDto,
    @CurrentOperator() operator: AuthenticatedOperator,
  ) {
    return this.answer(this.handling.discard({ ids: [id], reason: body.reason, operator }));
  }

  private async answer(handled: Promise<DeadLetterSummary[]>) {
    return { deadLetters: (await handled).map(deadLetterSummaryView) };
  }
}
