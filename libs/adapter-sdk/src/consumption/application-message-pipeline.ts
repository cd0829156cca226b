import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { DeadLetterReasons, FlowHops } from '@mpp/contracts';
import { FlowRecorder, traceIdOf } from '@mpp/flow';
import { MalformedMessageError, UnsupportedEventType } from '@mpp/kafka';
import type { KafkaContext } from '@nestjs/microservices';
import {
  ADAPTER_RUNTIME_CONFIG,
  type AdapterRuntimeConfig,
} from '../config/adapter-runtime.config';
import { CancelApplication } from '../handling/cancel-application';
import type { HandlingOutcome } from '../handling/handling-outcome';
import { ResubmitApplication } from '../handling/resubmit-application';
import { SubmitApplication } from '../handling/submit-application';
import { LegacyUnavailable } from '../legacy/legacy-errors';
import { Inbox } from '../ledger/inbox';
import { AdapterMetrics } from '../metrics/adapter-metrics';
import { backoffMs, waitHolding, type Hold } from '../resilience/hold';
import { LegacySystemGuard } from '../resilience/legacy-system-guard';
import { decodeApplicationMessage, type ApplicationMessage } from './application-messages';
import { ConsumptionSwitch } from './consumption-switch';
import { DeadLetters, type MessagePosition } from './dead-letters';

/**
 * The error policy, applied to every message of the agency topic:
 * - malformed or of an unknown type: parked at once, with the reason;
 * - already handled (a redelivery or a replay): skipped;
 * - legacy system unavailable: retried with backoff, never parked; when the circuit opens the
 *   message waits for it to close while consumption is paused;
 * - refused by the agency: reported as REJECTED or NEEDS_REVISION;
 * - any other failure: retried, then parked after the configured attempts.
 * Whatever happens, the consumer goes on to the next message.
 */
@Injectable()
export class ApplicationMessagePipeline implements OnModuleDestroy {
  private readonly logger = new Logger(ApplicationMessagePipeline.name);
  private readonly shutdown = new AbortController();

  constructor(
    private readonly submit: SubmitApplication,
    private readonly resubmit: ResubmitApplication,
    private readonly cancel: CancelApplication,
    private readonly inbox: Inbox,
    private readonly deadLetters: DeadLetters,
    private readonly guard: LegacySystemGuard,
    private readonly consumption: ConsumptionSwitch,
    private readonly metrics: AdapterMetrics,
    private readonly flow: FlowRecorder,
    @Inject(ADAPTER_RUNTIME_CONFIG) private readonly config: AdapterRuntimeConfig,
  ) {}

  onModuleDestroy(): void {
    this.shutdown.abort(new Error('adapter shutting down'));
  }

  async consume(context: KafkaContext): Promise<void> {
    this.consumption.attach(context.getConsumer());
    const message = context.getMessage();
    const position: MessagePosition = {
      topic: context.getTopic(),
      partition: context.getPartition(),
      offset: message.offset,
    };
    let decoded: ApplicationMessage;
    try {
      decoded = decodeApplicationMessage(message);
    } catch (error) {
      if (!(error instanceof MalformedMessageError || error instanceof UnsupportedEventType))
        throw error;
      const reason =
        error instanceof UnsupportedEventType
          ? DeadLetterReasons.unsupportedType
          : DeadLetterReasons.malformed;
      await this.deadLetters.park(message, position, reason, error, 1);
      return;
    }
    const { event } = decoded;
    if (await this.inbox.has(event.id)) {
      this.metrics.messageHandled(event.type, 'duplicate');
      return;
    }
    const hold: Hold = {
      heartbeat: () => context.getHeartbeat()(),
      signal: this.shutdown.signal,
    };
    const result = await this.handleWithRetries(decoded, position, hold);
    if ('failure' in result) {
      await this.deadLetters.park(
        message,
        position,
        DeadLetterReasons.failed,
        result.failure,
        result.attempts,
      );
      this.metrics.messageHandled(event.type, 'dead_lettered');
      return;
    }
    await this.inbox.record(event.id, event.data.applicationId, event.type, result.outcome);
    this.metrics.messageHandled(event.type, result.outcome);
  }

  private async handleWithRetries(
    decoded: ApplicationMessage,
    position: MessagePosition,
    hold: Hold,
  ): Promise<{ outcome: HandlingOutcome } | { failure: unknown; attempts: number }> {
    let failures = 0;
    let unavailable = 0;
    for (;;) {
      await this.guard.whenClosed(hold);
      this.recordReceipt(decoded, position, failures + unavailable + 1);
      try {
        return { outcome: await this.dispatch(decoded) };
      } catch (error) {
        if (error instanceof LegacyUnavailable) {
          unavailable += 1;
          const wait = backoffMs(
            unavailable,
            this.config.retryBaseMs,
            this.config.retryMaxMs,
            error.retryAfterMs,
          );
          await waitHolding(wait, hold);
          continue;
        }
        failures += 1;
        this.logger.warn(
          `${decoded.event.type} ${decoded.event.id} failed (attempt ${failures}/${this.config.maxAttempts}): ${String(error)}`,
        );
        if (failures >= this.config.maxAttempts) return { failure: error, attempts: failures };
        await waitHolding(
          backoffMs(failures, this.config.retryBaseMs, this.config.retryMaxMs),
          hold,
        );
      }
    }
  }

  private recordReceipt(
    { event }: ApplicationMessage,
    position: MessagePosition,
    attempt: number,
  ): void {
    this.flow.record({
      hop: FlowHops.received,
      applicationId: event.data.applicationId,
      serviceCode: event.data.serviceCode,
      agency: this.config.agency,
      correlationId: event.correlationid,
      traceId: traceIdOf(event.traceparent),
      outcome: attempt === 1 ? 'first-attempt' : 'retry',
      detail: {
        attempt,
        eventType: event.type,
        eventId: event.id,
        topic: position.topic,
        partition: position.partition,
        offset: position.offset,
      },
    });
  }

  private dispatch(decoded: ApplicationMessage): Promise<HandlingOutcome> {
    switch (decoded.kind) {
      case 'submitted':
        return this.submit.handle(decoded.event);
      case 'resubmitted':
        return this.resubmit.handle(decoded.event);
      case 'cancelled':
        return this.cancel.handle(decoded.event);
    }
  }
}
