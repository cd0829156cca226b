import type { CaseOutcome } from './nik-serial';
import { type CaseStatus, processingRoute, type ProcessingRoute } from './processing-route';
import type { StatusModel } from './status-model';

export interface StatusChange<S extends CaseStatus> {
  status: S;
  at: Date;
}

export type CancellationResult = 'cancelled' | 'alreadyCancelled' | 'notCancellable';

interface Leg<S extends CaseStatus> {
  route: ProcessingRoute<S>;
  startedAt: number;
}

/**
 * Where a case stands at any moment, derived from when it entered its route and the processing
 * time then in force, so polling and pushing systems report the same history. A revision or a
 * cancellation starts a new leg; what the previous leg would still have reached is dropped.
 */
export class CaseProgress<S extends CaseStatus> {
  private readonly legs: Leg<S>[];

  constructor(
    readonly model: StatusModel<S>,
    outcome: CaseOutcome,
    private readonly processingMs: number,
    startedAt: Date,
  ) {
    this.legs = [{ route: model.routes[outcome], startedAt: startedAt.getTime() }];
  }

  statusAt(now: Date): S {
    return this.changesUntil(now).at(-1)?.status ?? this.legs[0].route.milestones[0].status;
  }

  /** Every status change reached by `now`, oldest first. */
  changesUntil(now: Date): StatusChange<S>[] {
    return this.timeline().filter((change) => change.at.getTime() <= now.getTime());
  }

  /** When the next status change falls due, if one is still to come. */
  nextChangeAfter(now: Date): Date | undefined {
    return this.timeline().find((change) => change.at.getTime() > now.getTime())?.at;
  }

  /** Accepts a revision only while the case waits for one; it then follows the resumed route. */
  revise(now: Date): boolean {
    if (this.statusAt(now) !== this.model.awaitingRevision) return false;
    this.legs.push({ route: this.model.resumedRoute, startedAt: now.getTime() });
    return true;
  }

  cancel(now: Date): CancellationResult {
    const status = this.statusAt(now);
    if (status === this.model.cancelled) return 'alreadyCancelled';
    if (!this.model.cancellable.includes(status)) return 'notCancellable';
    const final = processingRoute<S>(1, [this.model.cancelled, 0]);
    this.legs.push({ route: final, startedAt: now.getTime() });
    return 'cancelled';
  }

  private timeline(): StatusChange<S>[] {
    return this.legs.flatMap(({ route, startedAt }, index) => {
      const cutOff = this.legs[index + 1]?.startedAt ?? Infinity;
      const firstStep = route.milestones[0].step;
      return route.milestones
        .map(({ status, step }) => ({
          status,
          at: startedAt + ((step - firstStep) * this.processingMs) / route.steps,
        }))
        .filter(({ at }) => at <= cutOff)
        .map(({ status, at }) => ({ status, at: new Date(at) }));
    });
  }
}
