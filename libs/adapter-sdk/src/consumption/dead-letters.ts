import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  DeadLetterHeaders,
  FlowHops,
  maskNik,
  Topics,
  type DeadLetterReason,
} from '@mpp/contracts';
import { FlowRecorder } from '@mpp/flow';
import { CloudEventPublisher } from '@mpp/kafka';
import type { IHeaders, KafkaMessage } from 'kafkajs';
import {
  ADAPTER_RUNTIME_CONFIG,
  type AdapterRuntimeConfig,
} from '../config/adapter-runtime.config';
import { AdapterMetrics } from '../metrics/adapter-metrics';

export interface MessagePosition {
  topic: string;
  partition: number;
  offset: string;
}

const MAX_ERROR_LENGTH = 2000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Parks a message the adapter cannot handle on `mpp.<agency>.applications.dlq`: the original
 * key, value and headers unchanged, plus why, how often it was tried and where it came from.
 */
@Injectable()
export class DeadLetters {
  private readonly logger = new Logger(DeadLetters.name);

  constructor(
    private readonly publisher: CloudEventPublisher,
    @Inject(ADAPTER_RUNTIME_CONFIG) private readonly config: AdapterRuntimeConfig,
    private readonly metrics: AdapterMetrics,
    private readonly flow: FlowRecorder,
  ) {}

  async park(
    message: Pick<KafkaMessage, 'key' | 'value' | 'headers'>,
    from: MessagePosition,
    reason: DeadLetterReason,
    error: unknown,
    attempts: number,
  ): Promise<void> {
    const headers: IHeaders = {
      ...message.headers,
      [DeadLetterHeaders.reason]: reason,
      [DeadLetterHeaders.error]: describe(error),
      [DeadLetterHeaders.attempts]: String(attempts),
      [DeadLetterHeaders.sourceTopic]: from.topic,
      [DeadLetterHeaders.sourcePartition]: String(from.partition),
      [DeadLetterHeaders.sourceOffset]: from.offset,
      [DeadLetterHeaders.failedAt]: new Date().toISOString(),
      [DeadLetterHeaders.instance]: this.config.instanceId,
    };
    await this.publisher.sendAsIs(Topics.deadLettersOf(this.config.agency), [
      { key: message.key, value: asBytes(message.value), headers },
    ]);
    this.metrics.deadLettered(reason);
    const key = message.key?.toString();
    this.flow.record({
      hop: FlowHops.deadLettered,
      applicationId: key && UUID.test(key) ? key : undefined,
      agency: this.config.agency,
      outcome: reason,
      detail: {
        attempts,
        error: describe(error).slice(0, 200),
        topic: from.topic,
        partition: from.partition,
        offset: from.offset,
      },
    });
    this.logger.warn(
      `parked ${from.topic}/${from.partition}@${from.offset} (${reason} after ${attempts} attempt(s)): ${describe(error)}`,
    );
  }
}

function describe(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  // An error may quote the application; a NIK never leaves unmasked.
  return text.replace(/\b\d{16}\b/g, (nik) => maskNik(nik)).slice(0, MAX_ERROR_LENGTH);
}

/** The transport keeps values as bytes; anything else is serialised back as it was parsed. */
function asBytes(value: unknown): Buffer | string | null {
  if (value === null || value === undefined) return null;
  if (Buffer.isBuffer(value) || typeof value === 'string') return value;
  return JSON.stringify(value);
}
