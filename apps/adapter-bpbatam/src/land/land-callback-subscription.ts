import { setTimeout as delay } from 'node:timers/promises';
import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { LandSystemConfig } from './land-system.config';
import { LegacyLandClient } from './legacy-land.client';

const FIRST_RETRY_MS = 1000;
const LONGEST_RETRY_MS = 60_000;

/**
 * Tells the land system where to call back, once the adapter has started. While the system is
 * down it keeps trying in the background with backoff: the adapter still starts, consumes and
 * submits, and the land system keeps its callbacks until a URL is registered.
 */
@Injectable()
export class LandCallbackSubscription implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(LandCallbackSubscription.name);
  private readonly shutdown = new AbortController();
  private subscribing?: Promise<void>;

  constructor(
    private readonly land: LegacyLandClient,
    private readonly config: LandSystemConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.subscribing = this.subscribeUntilAccepted();
  }

  async onApplicationShutdown(): Promise<void> {
    this.shutdown.abort();
    await this.subscribing;
  }

  private async subscribeUntilAccepted(): Promise<void> {
    const url = this.config.LAND_CALLBACK_URL;
    for (let attempt = 1; !this.shutdown.signal.aborted; attempt++) {
      try {
        await this.land.subscribe(url);
        this.logger.log(`the land system calls back at ${url}`);
        return;
      } catch (error) {
        const wait = Math.min(LONGEST_RETRY_MS, FIRST_RETRY_MS * 2 ** (attempt - 1));
        this.logger.warn(
          `registering ${url} with the land system failed (attempt ${attempt}, next in ${wait} ms): ${String(error)}`,
        );
        await delay(wait, undefined, { signal: this.shutdown.signal }).catch(() => undefined);
      }
    }
  }
}
