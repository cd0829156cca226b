import { AsyncLocalStorage } from 'node:async_hooks';
import type { LegacyCall } from './legacy-connector';

/** What the transport saw of one legacy call, for its flow record. */
export interface LegacyExchange {
  httpStatus?: number;
  /** A SOAP fault code, an application error code, or a network error code. */
  faultCode?: string;
  requestBytes?: number;
  responseBytes?: number;
}

interface ActiveLegacyCall {
  call: LegacyCall;
  exchange: LegacyExchange;
}

const active = new AsyncLocalStorage<ActiveLegacyCall>();

/** Runs a connector call with its context, so the HTTP transport can read and annotate it. */
export function runLegacyCall<T>(
  call: LegacyCall,
  exchange: LegacyExchange,
  work: () => Promise<T>,
): Promise<T> {
  return active.run({ call, exchange }, work);
}

/** The legacy call in progress in this async context, if any. */
export function currentLegacyCall(): ActiveLegacyCall | undefined {
  return active.getStore();
}

/**
 * Notes the legacy system's own error code on the call in progress (e.g. a SOAP fault code read
 * from the body), so flow records show it beside the HTTP status.
 */
export function noteLegacyFault(code: string): void {
  const current = active.getStore();
  if (current) current.exchange.faultCode = code;
}
