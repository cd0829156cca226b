import { HttpException, HttpStatus } from '@nestjs/common';
import { AmendmentRefused, type AmendmentProblem } from '../casework/case-amendment';
import { CaseNotFound } from '../casework/case-files';
import type { JsonObject } from '../casework/json-object';
import { InjectedFault } from '../fault-injection/injected-fault';

export interface RefusalDetails {
  /** The system's own code for the refusal. */
  kode?: string;
  /** Anything the system adds to help the caller, e.g. the existing record of a duplicate. */
  data?: JsonObject;
  headers?: Record<string, string>;
}

/** A REST/JSON system refuses a request; each system renders the body its own way. */
export class Refusal extends Error {
  constructor(
    readonly httpStatus: number,
    message: string,
    readonly details: RefusalDetails = {},
  ) {
    super(message);
    this.name = 'Refusal';
  }
}

/** The failures a REST/JSON system answers with a refusal rather than a server error. */
export const REFUSED_FAILURES = [
  Refusal,
  CaseNotFound,
  AmendmentRefused,
  InjectedFault,
  HttpException,
] as const;

export type RefusedFailure = InstanceType<(typeof REFUSED_FAILURES)[number]>;

const INVALID_AMENDMENT = {
  httpStatus: HttpStatus.UNPROCESSABLE_ENTITY,
  kode: 'DATA_TIDAK_LENGKAP',
};
const AMENDMENT_IN_WRONG_STATUS = { httpStatus: HttpStatus.CONFLICT, kode: 'STATUS_TIDAK_SESUAI' };

const AMENDMENT_REFUSALS: Record<AmendmentProblem, { httpStatus: number; kode: string }> = {
  dataNotObject: INVALID_AMENDMENT,
  reasonMissing: INVALID_AMENDMENT,
  notAwaitingRevision: AMENDMENT_IN_WRONG_STATUS,
  notCancellable: AMENDMENT_IN_WRONG_STATUS,
};

export function toRefusal(error: RefusedFailure): Refusal {
  if (error instanceof Refusal) return error;
  if (error instanceof CaseNotFound) {
    return new Refusal(HttpStatus.NOT_FOUND, error.message, { kode: 'TIDAK_DITEMUKAN' });
  }
  if (error instanceof AmendmentRefused) {
    const { httpStatus, kode } = AMENDMENT_REFUSALS[error.problem];
    return new Refusal(httpStatus, error.message, { kode });
  }
  if (error instanceof InjectedFault) return injectedFaultRefusal(error);
  return new Refusal(error.getStatus(), error.message);
}

function injectedFaultRefusal(fault: InjectedFault): Refusal {
  switch (fault.kind) {
    case 'maintenance':
      return new Refusal(
        HttpStatus.SERVICE_UNAVAILABLE,
        'Sistem sedang dalam pemeliharaan terjadwal',
        { kode: 'PEMELIHARAAN' },
      );
    case 'rateLimited':
      return new Refusal(
        HttpStatus.TOO_MANY_REQUESTS,
        'Batas jumlah permintaan per detik terlampaui',
        {
          kode: 'BATAS_PERMINTAAN',
          headers: { 'Retry-After': String(fault.retryAfterSeconds ?? 1) },
        },
      );
    case 'busy':
      return new Refusal(
        HttpStatus.INTERNAL_SERVER_ERROR,
        'Sistem sedang sibuk, silakan coba beberapa saat lagi',
        { kode: 'SIBUK' },
      );
  }
}
