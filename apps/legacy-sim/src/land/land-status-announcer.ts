import { randomUUID } from 'node:crypto';
import { BeforeApplicationShutdown, Injectable } from '@nestjs/common';
import type { StatusChange } from '../casework/case-progress';
import { SimulationReset } from '../control/simulation-reset';
import type { LandBerkas } from './land-allocation';
import { LandCallbackDispatcher } from './land-callback-dispatcher';
import type { LandCallbackEvent, LandStatus } from './land.contract';

interface Watch {
  announced: number;
  nextChange?: NodeJS.Timeout;
}

/** Turns every status change of a berkas into a callback, at the moment the change happens. */
@Injectable()
export class LandStatusAnnouncer implements BeforeApplicationShutdown {
  private readonly watches = new Map<string, Watch>();

  constructor(
    private readonly dispatcher: LandCallbackDispatcher,
    reset: SimulationReset,
  ) {
    reset.onReset(() => this.stopAll());
  }

  /**
   * Queues a callback for each change reached since the last announcement, then waits for the
   * next one. Called on submission, revision and cancellation, and by itself as time passes.
   */
  announce(berkas: LandBerkas, now = new Date()): void {
    const watch = this.watches.get(berkas.number) ?? { announced: 0 };
    this.watches.set(berkas.number, watch);
    clearTimeout(watch.nextChange);
    const changes = berkas.progress.changesUntil(now);
    for (const change of changes.slice(watch.announced)) {
      this.dispatcher.enqueue(callbackEvent(berkas, change));
    }
    watch.announced = changes.length;
    const next = berkas.progress.nextChangeAfter(now);
    watch.nextChange = next
      ? setTimeout(() => this.announce(berkas), next.getTime() - now.getTime())
      : undefined;
  }

  beforeApplicationShutdown(): void {
    this.stopAll();
  }

  private stopAll(): void {
    for (const watch of this.watches.values()) clearTimeout(watch.nextChange);
    this.watches.clear();
  }
}

function callbackEvent(berkas: LandBerkas, change: StatusChange<LandStatus>): LandCallbackEvent {
  const { keterangan, documentIssuedIn } = berkas.progress.model;
  const issued = documentIssuedIn.includes(change.status);
  return {
    id_event: randomUUID(),
    nomor_berkas: berkas.number,
    referensi: berkas.reference,
    status: change.status,
    keterangan: keterangan[change.status],
    ...(issued ? { nomor_sk: berkas.issuedDocument } : {}),
    waktu: change.at.toISOString(),
  };
}
