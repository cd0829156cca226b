import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditActors, appendAuditRecords } from '@mpp/audit';
import { FlowHops, Topics, type FlowHop } from '@mpp/contracts';
import { FlowRecorder, traceIdOf } from '@mpp/flow';
import { CloudEventPublisher } from '@mpp/kafka';
import { DataSource } from 'typeorm';
import { AuditActions, AuditSubjects } from '../audit/audit-actions';
import type { Operator } from '../auth/operator';
import { maskFreeText } from '../masking/personal-data';
import { OpsMetrics } from '../metrics/ops-metrics';
import { Problems } from '../problems/problem';
import { DeadLetterStore, type DeadLetter, type DeadLetterSummary } from './dead-letter.store';
import { originalMessage } from './parked-message';

export interface DeadLetterHandling {
  ids: string[];
  /** Why, in the operator's words; kept with the dead letters. */
  reason: string;
  operator: Operator;
}

type Action = 'replayed' | 'discarded';

const FLOW_HOP: Record<Action, FlowHop> = {
  replayed: FlowHops.replayed,
  discarded: FlowHops.discarded,
};
const REASON_IN_FLOW_RECORD = 200;
const AUDIT_ACTION: Record<Action, string> = {
  replayed: AuditActions.deadLetterReplayed,
  discarded: AuditActions.deadLetterDiscarded,
};

/**
 * Replays dead letters to the topic they came from, or discards them. Either is all or nothing
 * for a selection, and happens once: the rows stay locked from the check to the mark, so a
 * second, concurrent attempt finds them handled.
 */
@Injectable()
export class HandleDeadLetters {
  private readonly logger = new Logger(HandleDeadLetters.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly store: DeadLetterStore,
    private readonly publisher: CloudEventPublisher,
    private readonly flow: FlowRecorder,
    private readonly metrics: OpsMetrics,
  ) {}

  /**
   * Sends each original message (key, value and headers, without the parking headers) back to
   * its agency's applications topic. The adapter skips an event it already finished, so a
   * replay never submits twice.
   */
  replay(handling: DeadLetterHandling): Promise<DeadLetterSummary[]> {
    return this.handle('replayed', handling, (letters) => this.sendBack(letters));
  }

  discard(handling: DeadLetterHandling): Promise<DeadLetterSummary[]> {
    return this.handle('discarded', handling);
  }

  private async handle(
    action: Action,
    { ids, reason, operator }: DeadLetterHandling,
    effect?: (letters: DeadLetter[]) => Promise<void>,
  ): Promise<DeadLetterSummary[]> {
    const handled = await this.db.transaction(async (tx) => {
      const letters = await this.store.lockForHandling(tx, ids);
      if (letters.length < ids.length) {
        throw Problems.notFound({ id: 'Dead letter', en: 'Dead letter' });
      }
      const done = letters.filter((letter) => letter.state !== 'parked');
      if (done.length > 0) throw Problems.deadLettersAlreadyHandled(done.map(({ id }) => id));
      await effect?.(letters);
      const marked = await this.store.markHandled(tx, letters, action, operator, reason);
      // The operator's reason stays with the dead letter: free text may name people.
      await appendAuditRecords(
        tx,
        marked.map((letter) => ({
          actor: AuditActors.operator(operator.name),
          action: AUDIT_ACTION[action],
          subject: AuditSubjects.deadLetter(letter.id),
          detail: {
            agency: letter.agency,
            applicationId: letter.applicationId,
            eventType: letter.eventType,
            parkedFor: letter.reason,
          },
        })),
      );
      return marked;
    });
    this.metrics.deadLettersHandled(action, handled.length);
    for (const letter of handled) this.recordFlow(action, letter, operator, reason);
    return handled;
  }

  /**
   * The source is the agency's applications topic, the only one an adapter parks from; it is
   * derived from the dead-letter topic rather than trusted from a header.
   */
  private async sendBack(letters: DeadLetter[]): Promise<void> {
    const byTopic = new Map<string, DeadLetter[]>();
    for (const letter of letters) {
      const topic = Topics.applicationsOf(letter.agency);
      byTopic.set(topic, [...(byTopic.get(topic) ?? []), letter]);
    }
    try {
      for (const [topic, group] of byTopic) {
        await this.publisher.sendAsIs(topic, group.map(originalMessage));
      }
    } catch (error) {
      this.logger.error(`replay of ${letters.length} dead letters failed: ${String(error)}`);
      throw Problems.replayFailed();
    }
  }

  private recordFlow(
    action: Action,
    letter: DeadLetterSummary,
    operator: Operator,
    reason: string,
  ): void {
    this.flow.record({
      hop: FLOW_HOP[action],
      applicationId: letter.applicationId ?? undefined,
      correlationId: letter.correlationId ?? undefined,
      traceId: traceIdOf(letter.traceparent),
      serviceCode: letter.serviceCode ?? undefined,
      agency: letter.agency,
      outcome: 'ok',
      detail: {
        by: operator.name,
        reason: maskFreeText(reason).slice(0, REASON_IN_FLOW_RECORD),
        deadLetterId: letter.id,
        eventType: letter.eventType,
        parkedFor: letter.reason,
      },
    });
  }
}
