import { Injectable } from '@nestjs/common';
import {
  instrumentLegacyHttp,
  LegacyThrottled,
  LegacyUnavailable,
  noteLegacyFault,
} from '@mpp/adapter-sdk';
import axios, { type AxiosInstance, type AxiosResponse, type Method } from 'axios';
import { LandSystemConfig } from './land-system.config';

/** The land system understood the request and said no: 422 (refused) or 409 (wrong status). */
export class LandRefusal extends Error {
  override readonly name = 'LandRefusal';

  constructor(
    readonly httpStatus: number,
    readonly reason: string,
    readonly code?: string,
  ) {
    super(`HTTP ${httpStatus} ${code ?? ''}: ${reason}`);
  }
}

/** `layanan` of a submission: the land system's name for each service. */
export type LandService = 'ALOKASI_BARU' | 'PERPANJANGAN';

export interface LandSubmission {
  /** Our application id, by which the land system recognises a repeated submission. */
  referensi: string;
  layanan: LandService;
  nik: string;
  nama: string;
  data: Record<string, unknown>;
}

export interface LandBerkasReport {
  nomor_berkas: string;
  referensi?: string;
  status: string;
  keterangan?: string;
  nomor_sk?: string;
}

/** The HTTP statuses the land system answers with, by meaning. */
export const LandHttpStatus = {
  ok: 200,
  accepted: 202,
  unauthorized: 401,
  forbidden: 403,
  notFound: 404,
  conflict: 409,
  unprocessable: 422,
  tooManyRequests: 429,
} as const;

export interface CallOptions {
  traceparent?: string;
}

interface LandRequest {
  method: Method;
  path: string;
  body?: unknown;
  params?: Record<string, string>;
}

/**
 * BP Batam's land-allocation REST API. Refusals (422, 409) are `LandRefusal`; no answer, a
 * timeout, a 5xx or a refused API key is the system being unavailable; any other answer is a
 * surprise and fails as a plain error.
 */
@Injectable()
export class LegacyLandClient {
  private readonly http: AxiosInstance;

  constructor(config: LandSystemConfig) {
    this.http = instrumentLegacyHttp(
      axios.create({
        baseURL: config.LAND_BASE_URL,
        timeout: config.LAND_TIMEOUT_MS,
        headers: { 'X-Api-Key': config.LAND_API_KEY },
        validateStatus: () => true,
        transitional: { clarifyTimeoutError: true },
      }),
    );
  }

  /** Returns the land system's berkas number; a repeated referensi returns the same one. */
  async submit(submission: LandSubmission, options: CallOptions = {}): Promise<string> {
    const response = await this.send(
      'submit',
      { method: 'POST', path: '/pengajuan', body: submission },
      options,
    );
    expectStatus('submit', response, LandHttpStatus.accepted, LandHttpStatus.ok);
    return berkasNumberOf('submit', response.data);
  }

  /** The berkas made for our application id, or undefined if there is none. */
  async findByReference(referensi: string, options: CallOptions = {}): Promise<string | undefined> {
    const response = await this.send(
      'findByReference',
      { method: 'GET', path: '/pengajuan', params: { referensi } },
      options,
    );
    if (response.status === LandHttpStatus.notFound) return undefined;
    expectStatus('findByReference', response, LandHttpStatus.ok);
    return berkasNumberOf('findByReference', response.data);
  }

  /** Where a berkas stands now. */
  async status(nomorBerkas: string, options: CallOptions = {}): Promise<LandBerkasReport> {
    const response = await this.send(
      'status',
      { method: 'GET', path: berkasPath(nomorBerkas) },
      options,
    );
    expectStatus('status', response, LandHttpStatus.ok);
    const report = response.data as Partial<LandBerkasReport> | undefined;
    if (typeof report?.status !== 'string') {
      throw new LegacyUnavailable(`status of ${nomorBerkas} answered without a status`);
    }
    return { ...report, nomor_berkas: nomorBerkas, status: report.status };
  }

  /** Sends corrected data for a berkas waiting in PERLU_PERBAIKAN. */
  async revise(
    nomorBerkas: string,
    data: Record<string, unknown>,
    options: CallOptions = {},
  ): Promise<void> {
    await this.act('revise', nomorBerkas, 'perbaikan', { data }, options);
  }

  async cancel(nomorBerkas: string, alasan: string, options: CallOptions = {}): Promise<void> {
    await this.act('cancel', nomorBerkas, 'batal', { alasan }, options);
  }

  /** Registers where the land system sends its callbacks; the latest registration wins. */
  async subscribe(url: string): Promise<void> {
    const response = await this.send('subscribe', {
      method: 'PUT',
      path: '/langganan',
      body: { url },
    });
    expectStatus('subscribe', response, LandHttpStatus.ok);
  }

  async ping(options: CallOptions = {}): Promise<void> {
    const response = await this.send('ping', { method: 'GET', path: '/ping' }, options);
    expectStatus('ping', response, LandHttpStatus.ok);
  }

  /** An action on a berkas: POST /pengajuan/{nomor_berkas}/{action}, answered 200. */
  private async act(
    operation: string,
    nomorBerkas: string,
    action: string,
    body: unknown,
    options: CallOptions,
  ): Promise<void> {
    const path = `${berkasPath(nomorBerkas)}/${action}`;
    const response = await this.send(operation, { method: 'POST', path, body }, options);
    expectStatus(operation, response, LandHttpStatus.ok);
  }

  private async send(
    operation: string,
    request: LandRequest,
    options: CallOptions = {},
  ): Promise<AxiosResponse> {
    let response: AxiosResponse;
    try {
      response = await this.http.request({
        method: request.method,
        url: request.path,
        params: request.params,
        data: request.body,
        headers: options.traceparent ? { traceparent: options.traceparent } : undefined,
      });
    } catch (error) {
      throw LegacyUnavailable.noAnswer(operation, error);
    }
    const { status } = response;
    if (status === LandHttpStatus.tooManyRequests) {
      throw new LegacyThrottled(`${operation} throttled`, retryAfterMs(response));
    }
    if (
      status >= 500 ||
      status === LandHttpStatus.unauthorized ||
      status === LandHttpStatus.forbidden
    ) {
      // A refused API key is a configuration fault: waiting keeps the messages until it is fixed.
      throw new LegacyUnavailable(`${operation} answered HTTP ${status}`);
    }
    if (status === LandHttpStatus.unprocessable || status === LandHttpStatus.conflict) {
      const body = (response.data ?? {}) as { kode?: unknown; pesan?: unknown };
      if (typeof body.kode === 'string') noteLegacyFault(body.kode);
      throw new LandRefusal(
        status,
        typeof body.pesan === 'string' ? body.pesan : `refused with HTTP ${status}`,
        typeof body.kode === 'string' ? body.kode : undefined,
      );
    }
    return response;
  }
}

function berkasPath(nomorBerkas: string): string {
  return `/pengajuan/${encodeURIComponent(nomorBerkas)}`;
}

function expectStatus(operation: string, response: AxiosResponse, ...expected: number[]): void {
  if (!expected.includes(response.status)) {
    throw new Error(`${operation} answered unexpected HTTP ${response.status}`);
  }
}

function berkasNumberOf(operation: string, body: unknown): string {
  const number = (body as { nomor_berkas?: unknown } | undefined)?.nomor_berkas;
  if (typeof number !== 'string' || number === '') {
    throw new LegacyUnavailable(`${operation} answered without nomor_berkas`);
  }
  return number;
}

function retryAfterMs(response: AxiosResponse): number | undefined {
  const seconds = Number(response.headers['retry-after']);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : undefined;
}
