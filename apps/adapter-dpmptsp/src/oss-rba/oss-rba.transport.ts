import { instrumentLegacyHttp, LegacyThrottled, LegacyUnavailable } from '@mpp/adapter-sdk';
import axios, { type AxiosInstance, type AxiosResponse, type Method } from 'axios';
import type { OssRbaConfig } from './oss-rba.config';

/** The body OSS-RBA answers with: `{ status, data }`, or `{ status, kode?, message, data? }`. */
export interface OssAnswer<T = unknown> {
  status?: number;
  kode?: string;
  message?: string;
  data?: T;
  /** The token endpoint's errors (RFC 6749 §5.2). */
  error?: string;
}

export interface OssRequest {
  method: Method;
  /** Relative to the base URL, e.g. `permohonan`. */
  path: string;
  params?: Record<string, string>;
  body?: unknown;
  headers?: Record<string, string>;
}

/**
 * HTTP to OSS-RBA with its `user_key` on every request. What says the system cannot answer now
 * is thrown: no answer or a timeout and 5xx as `LegacyUnavailable`, 429 as `LegacyThrottled`,
 * both with the wait OSS-RBA asked for. Every other answer is returned as it is.
 */
export class OssRbaTransport {
  private readonly http: AxiosInstance;

  constructor(config: OssRbaConfig) {
    this.http = instrumentLegacyHttp(
      axios.create({
        baseURL: config.OSS_BASE_URL,
        timeout: config.OSS_TIMEOUT_MS,
        headers: { user_key: config.OSS_USER_KEY },
        validateStatus: () => true,
        transitional: { clarifyTimeoutError: true },
      }),
    );
  }

  async send<T>(operation: string, request: OssRequest): Promise<AxiosResponse<OssAnswer<T>>> {
    let response: AxiosResponse<OssAnswer<T> | undefined>;
    try {
      response = await this.http.request({
        method: request.method,
        url: request.path,
        params: request.params,
        data: request.body,
        headers: request.headers,
      });
    } catch (error) {
      throw LegacyUnavailable.noAnswer(operation, error);
    }
    const retryAfterMs = retryAfterMsOf(response.headers['retry-after']);
    if (response.status === 429) {
      throw new LegacyThrottled(`${operation}: ${summaryOf(response)}`, retryAfterMs);
    }
    if (response.status >= 500) {
      throw new LegacyUnavailable(`${operation}: ${summaryOf(response)}`, retryAfterMs);
    }
    return { ...response, data: isObject(response.data) ? response.data : {} };
  }
}

/** `HTTP 409: <message>` for logs and errors. */
export function summaryOf(response: AxiosResponse<OssAnswer | undefined>): string {
  const answer = isObject(response.data) ? response.data : {};
  const message = answer.message ?? answer.error ?? 'no message';
  return `HTTP ${response.status}: ${message}`;
}

/** A Retry-After header (RFC 9110 §10.2.3): delay-seconds or an HTTP date. */
export function retryAfterMsOf(value: unknown, now = Date.now()): number | undefined {
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

function isObject(value: unknown): value is OssAnswer {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
