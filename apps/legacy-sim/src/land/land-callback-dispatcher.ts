import { setTimeout as sleep } from 'node:timers/promises';
import { BeforeApplicationShutdown, HttpStatus, Inject, Injectable, Logger } from '@nestjs/common';
import axios from 'axios';
import { LEGACY_SIM_CONFIG, type LegacySimConfig } from '../config/legacy-sim.config';
import { SimulationReset } from '../control/simulation-reset';
import { Refusal } from '../rest/refusal';
import { callbackRetryDelayMs } from './callback-retry-delay';
import { signedCallbackHeaders } from './land-callback-signature';
import type { LandCallbackEvent, LandStatus } from './land.contract';

/** One try at delivering a callback, as the control API lists it. */
export interface CallbackAttempt {
  id_event: string;
  nomor_berkas: string;
  referensi: string;
  status: LandStatus;
  attempt: number;
  at: string;
  url: string;
  /** The receiver's HTTP status, when it answered. */
  httpStatus?: number;
  /** Why there was no answer (refused connection, timeout, ...). */
  error?: string;
}

interface PendingCallback {
  event: LandCallbackEvent;
  /** Serialised once, so every retry carries the same bytes. */
  body: string;
  attempts: number;
}

/** The callbacks of one berkas, delivered one after another. */
interface Lane {
  nomorBerkas: string;
  queue: PendingCallback[];
  running: boolean;
}

const ANSWER_TIMEOUT_MS = 5000;

/**
 * Delivers the land system's callbacks to the registered URL: signed, in order per berkas,
 * retried with backoff until the receiver answers 2xx. A reset or shutdown drops every pending
 * callback and stops the retries.
 */
@Injectable()
export class LandCallbackDispatcher implements BeforeApplicationShutdown {
  private readonly logger = new Logger(LandCallbackDispatcher.name);
  private readonly lanes = new Map<string, Lane>();
  private attempts: CallbackAttempt[] = [];
  private url: string | undefined;
  private stopping = new AbortController();

  constructor(
    @Inject(LEGACY_SIM_CONFIG) private readonly config: LegacySimConfig,
    reset: SimulationReset,
  ) {
    reset.onReset(() => {
      this.stopAll();
      this.url = undefined;
      this.attempts = [];
    });
  }

  /** Sends callbacks to `url` from now on, including those that waited for a registration. */
  subscribe(url: unknown): string {
    if (!isHttpUrl(url)) {
      throw new Refusal(HttpStatus.UNPROCESSABLE_ENTITY, 'url harus berupa URL http atau https', {
        kode: 'URL_TIDAK_VALID',
      });
    }
    this.url = url;
    for (const lane of this.lanes.values()) this.run(lane);
    return url;
  }

  enqueue(event: LandCallbackEvent): void {
    const lane = this.lanes.get(event.nomor_berkas) ?? {
      nomorBerkas: event.nomor_berkas,
      queue: [],
      running: false,
    };
    this.lanes.set(event.nomor_berkas, lane);
    lane.queue.push({ event, body: JSON.stringify(event), attempts: 0 });
    this.run(lane);
  }

  attemptsFor(reference?: string): CallbackAttempt[] {
    return this.attempts.filter((attempt) => !reference || attempt.referensi === reference);
  }

  beforeApplicationShutdown(): void {
    this.stopAll();
  }

  private run(lane: Lane): void {
    if (lane.running || this.url === undefined) return;
    lane.running = true;
    void this.drain(lane, this.stopping.signal);
  }

  private async drain(lane: Lane, stop: AbortSignal): Promise<void> {
    try {
      for (;;) {
        const next = lane.queue[0];
        if (!next) {
          if (this.lanes.get(lane.nomorBerkas) === lane) this.lanes.delete(lane.nomorBerkas);
          return;
        }
        // Without a registered URL the callbacks wait; subscribe() starts the lane again.
        if (this.url === undefined || stop.aborted) return;
        const delivered = await this.attempt(next, this.url, stop);
        if (stop.aborted) return;
        if (delivered) {
          lane.queue.shift();
          continue;
        }
        const delay = callbackRetryDelayMs(next.attempts, this.config.land.callbackRetryBaseMs);
        await sleep(delay, undefined, { signal: stop }).catch(() => undefined);
      }
    } finally {
      lane.running = false;
    }
  }

  private async attempt(
    pending: PendingCallback,
    url: string,
    stop: AbortSignal,
  ): Promise<boolean> {
    pending.attempts += 1;
    const { event } = pending;
    const attempt: CallbackAttempt = {
      id_event: event.id_event,
      nomor_berkas: event.nomor_berkas,
      referensi: event.referensi,
      status: event.status,
      attempt: pending.attempts,
      at: new Date().toISOString(),
      url,
    };
    try {
      const response = await axios.post(url, pending.body, {
        headers: {
          'Content-Type': 'application/json',
          ...signedCallbackHeaders(this.config.land.callbackSecret, pending.body),
        },
        // The body is signed as it is: send it byte for byte.
        transformRequest: [(body: string) => body],
        responseType: 'text',
        timeout: ANSWER_TIMEOUT_MS,
        maxRedirects: 0,
        signal: stop,
        validateStatus: () => true,
      });
      attempt.httpStatus = response.status;
    } catch (error) {
      attempt.error = error instanceof Error ? error.message : String(error);
    }
    if (stop.aborted) return false;
    this.attempts.push(attempt);
    const delivered = isSuccess(attempt.httpStatus);
    if (!delivered) {
      this.logger.log(
        `callback ${event.id_event} (${event.nomor_berkas} ${event.status}) attempt ${attempt.attempt} failed: ${attempt.error ?? attempt.httpStatus}`,
      );
    }
    return delivered;
  }

  private stopAll(): void {
    this.stopping.abort();
    this.stopping = new AbortController();
    this.lanes.clear();
  }
}

function isSuccess(httpStatus: number | undefined): boolean {
  return httpStatus !== undefined && httpStatus >= 200 && httpStatus < 300;
}

function isHttpUrl(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  try {
    const { protocol } = new URL(value);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}
