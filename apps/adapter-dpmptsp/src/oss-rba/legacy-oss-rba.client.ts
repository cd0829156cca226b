import { Injectable } from '@nestjs/common';
import { LegacyUnavailable, noteLegacyFault, type LegacyCall } from '@mpp/adapter-sdk';
import type { AxiosResponse } from 'axios';
import { ossRbaAuthorizationOf, type OssRbaAuthorization } from './oss-rba.authorization';
import { OssRbaConfig } from './oss-rba.config';
import { summaryOf, OssRbaTransport, type OssAnswer, type OssRequest } from './oss-rba.transport';

/** Permits (`kode_izin`) OSS-RBA issues through this adapter. */
export type PermitKind = 'NIB' | 'PBG';

export interface PermitSubmission {
  /** Our application id: OSS-RBA keeps one application per reference. */
  nomorReferensi: string;
  kodeIzin: PermitKind;
  nik: string;
  nama: string;
  data: Record<string, unknown>;
}

/** What checkLicenseStatus answers. */
export interface PermitStatusAnswer {
  idPermohonan: string;
  kdStatus: number;
  keterangan?: string;
  /** The permit's number, once issued. */
  nomorIzin?: string;
}

/** OSS-RBA answered 422: it refused the request, with its own code. */
export class OssRefusal extends Error {
  override readonly name = 'OssRefusal';

  constructor(
    readonly kode: string | undefined,
    readonly reason: string,
  ) {
    super(`${kode ?? 'refused'}: ${reason}`);
  }
}

/** OSS-RBA answered 409: the request does not fit where the application stands. */
export class OssConflict extends Error {
  override readonly name = 'OssConflict';
}

interface PermitState {
  id_permohonan?: unknown;
  kd_status?: unknown;
  keterangan?: unknown;
  nomor_izin?: unknown;
}

/**
 * The OSS-RBA host-to-host REST API (`/oss/v1`). Every call carries the `user_key` and Basic
 * credentials or a client-credentials token; a call refused for an expired token is made once
 * more with a fresh one.
 */
@Injectable()
export class LegacyOssRbaClient {
  private readonly transport: OssRbaTransport;
  private readonly authorization: OssRbaAuthorization;

  constructor(config: OssRbaConfig) {
    this.transport = new OssRbaTransport(config);
    this.authorization = ossRbaAuthorizationOf(config, this.transport);
  }

  /**
   * Files an application and returns OSS-RBA's id for it (`id_permohonan`). When the reference
   * was filed before, OSS-RBA creates nothing and the earlier id is returned.
   */
  async submit(submission: PermitSubmission, call: LegacyCall = {}): Promise<string> {
    const response = await this.call<PermitState>('submit', call, {
      method: 'POST',
      path: 'permohonan',
      body: {
        nomor_referensi: submission.nomorReferensi,
        kode_izin: submission.kodeIzin,
        nik: submission.nik,
        nama: submission.nama,
        data: submission.data,
      },
    });
    if (response.status === 409) return idOf(response.data.data);
    return idOf(expectSuccess('submit', response));
  }

  /** The application filed for our reference, if any. */
  async findByReference(reference: string, call: LegacyCall = {}): Promise<string | undefined> {
    const response = await this.call<PermitState[]>('findByReference', call, {
      method: 'GET',
      path: 'permohonan',
      params: { nomor_referensi: reference },
    });
    const found = expectSuccess('findByReference', response);
    if (!Array.isArray(found)) {
      throw new LegacyUnavailable('findByReference answered without a list');
    }
    return found.length > 0 ? idOf(found[0]) : undefined;
  }

  /** checkLicenseStatus */
  async status(idPermohonan: string, call: LegacyCall = {}): Promise<PermitStatusAnswer> {
    const response = await this.call<PermitState>('status', call, {
      method: 'GET',
      path: `permohonan/${encodeURIComponent(idPermohonan)}/status`,
    });
    const state = expectSuccess('status', response);
    if (typeof state?.kd_status !== 'number') {
      throw new LegacyUnavailable('status answered without kd_status');
    }
    return {
      idPermohonan: idOf(state),
      kdStatus: state.kd_status,
      keterangan: textOf(state.keterangan),
      nomorIzin: textOf(state.nomor_izin),
    };
  }

  /** Sends corrected data for an application that is incomplete (code 11). */
  async revise(
    idPermohonan: string,
    data: Record<string, unknown>,
    call: LegacyCall = {},
  ): Promise<void> {
    const response = await this.call('revise', call, {
      method: 'PUT',
      path: `permohonan/${encodeURIComponent(idPermohonan)}`,
      body: { data },
    });
    expectSuccess('revise', response);
  }

  async cancel(idPermohonan: string, reason: string, call: LegacyCall = {}): Promise<void> {
    const response = await this.call('cancel', call, {
      method: 'POST',
      path: `permohonan/${encodeURIComponent(idPermohonan)}/batal`,
      body: { alasan: reason },
    });
    expectSuccess('cancel', response);
  }

  async ping(call: LegacyCall = {}): Promise<void> {
    expectSuccess('ping', await this.call('ping', call, { method: 'GET', path: 'ping' }));
  }

  private async call<T>(
    operation: string,
    call: LegacyCall,
    request: OssRequest,
  ): Promise<AxiosResponse<OssAnswer<T>>> {
    const authorization = await this.authorization.header();
    const response = await this.authorized<T>(operation, call, request, authorization);
    if (response.status !== 401) return response;
    if (!isInvalidToken(response) || !this.authorization.refused(authorization)) {
      throw credentialsRefused(operation, response);
    }
    // The token expired or was revoked before our clock said so: once more with a fresh one.
    const renewed = await this.authorized<T>(
      operation,
      call,
      request,
      await this.authorization.header(),
    );
    if (renewed.status === 401) throw credentialsRefused(operation, renewed);
    return renewed;
  }

  private authorized<T>(
    operation: string,
    call: LegacyCall,
    request: OssRequest,
    authorization: string,
  ): Promise<AxiosResponse<OssAnswer<T>>> {
    return this.transport.send<T>(operation, {
      ...request,
      headers: {
        ...request.headers,
        Authorization: authorization,
        ...(call.traceparent ? { traceparent: call.traceparent } : {}),
      },
    });
  }
}

/** The answer's `data` on success; OSS-RBA's refusals and conflicts as errors. */
function expectSuccess<T>(operation: string, response: AxiosResponse<OssAnswer<T>>): T | undefined {
  const { status, data: answer } = response;
  if (status >= 200 && status < 300) return answer.data;
  const reason = answer.message ?? `HTTP ${status}`;
  if (answer.kode) noteLegacyFault(answer.kode);
  if (status === 422) throw new OssRefusal(answer.kode, reason);
  if (status === 409) throw new OssConflict(`${operation}: ${reason}`);
  throw new Error(`${operation} answered ${summaryOf(response)}`);
}

/** Nothing gets through until the credentials are fixed: the messages wait, none is parked. */
function credentialsRefused(operation: string, response: AxiosResponse<OssAnswer>): Error {
  return new LegacyUnavailable(
    `${operation}: OSS-RBA refused our credentials: ${summaryOf(response)}`,
  );
}

function isInvalidToken(response: AxiosResponse): boolean {
  const challenge = response.headers['www-authenticate'];
  return typeof challenge === 'string' && /error="?invalid_token"?/i.test(challenge);
}

function idOf(state: PermitState | undefined): string {
  const id = textOf(state?.id_permohonan);
  if (!id) throw new LegacyUnavailable('answer without id_permohonan');
  return id;
}

function textOf(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
