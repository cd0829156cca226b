import type { ArrivalLog } from '../arrivals/arrival-log';
import type { SimulatedSystem } from '../simulated-systems';
import type { CaseStatus } from './processing-route';
import type { CaseRecord } from './case-record';

/** No case answers to the number or reference given. */
export class CaseNotFound extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CaseNotFound';
  }
}

/**
 * A system's cases by its own number and by the sender's reference. Every request that concerns
 * a case goes through here, so each one is recorded in the arrival log under its reference.
 */
export class CaseFiles<T extends CaseRecord<CaseStatus, string>> {
  private readonly byNumber = new Map<string, T>();
  private readonly byReference = new Map<string, T[]>();

  constructor(
    private readonly system: SimulatedSystem,
    private readonly arrivals: ArrivalLog,
  ) {}

  /** Records a request for a reference, before the system decides anything about it. */
  received(reference: unknown, operation: string): void {
    if (typeof reference === 'string' && reference !== '') {
      this.arrivals.recordOperation(this.system, reference, operation);
    }
  }

  /** Files a new case and records the registration it makes for its reference. */
  file(record: T): void {
    this.byNumber.set(record.number, record);
    this.byReference.set(record.reference, [...this.casesOf(record.reference), record]);
    this.arrivals.record(this.system, record.reference, record.number, record.receivedAt);
  }

  /** The case with that number; throws CaseNotFound. */
  find(number: unknown, operation: string): T {
    const record = typeof number === 'string' ? this.byNumber.get(number) : undefined;
    if (!record) {
      throw new CaseNotFound(`Nomor ${typeof number === 'string' ? number : ''} tidak ditemukan`);
    }
    this.arrivals.recordOperation(this.system, record.reference, operation);
    return record;
  }

  /** The cases made for a reference, oldest first. */
  forReference(reference: unknown, operation: string): T[] {
    this.received(reference, operation);
    return typeof reference === 'string' ? this.casesOf(reference) : [];
  }

  /** Like forReference, but records no arrival: for the system's own checks. */
  existingFor(reference: string): T | undefined {
    return this.casesOf(reference).at(-1);
  }

  clear(): void {
    this.byNumber.clear();
    this.byReference.clear();
  }

  private casesOf(reference: string): T[] {
    return [...(this.byReference.get(reference) ?? [])];
  }
}
