import { childTraceparent } from '@mpp/flow';
import { isAxiosError, type AxiosInstance, type AxiosResponse } from 'axios';
import { currentLegacyCall, type LegacyExchange } from './legacy-call-context';

function byteLength(data: unknown): number | undefined {
  if (data === undefined || data === null) return undefined;
  if (typeof data === 'string') return Buffer.byteLength(data);
  if (Buffer.isBuffer(data)) return data.length;
  if (data instanceof URLSearchParams) return Buffer.byteLength(data.toString());
  return Buffer.byteLength(JSON.stringify(data));
}

function noteResponse(exchange: LegacyExchange, response: AxiosResponse): void {
  exchange.httpStatus = response.status;
  const declared = Number(response.headers['content-length']);
  exchange.responseBytes = Number.isFinite(declared) ? declared : byteLength(response.data);
}

/**
 * Instruments an agency's axios client: each request carries a child of the application's W3C
 * trace context, and its HTTP status and sizes land in the legacy call's flow record.
 */
export function instrumentLegacyHttp(http: AxiosInstance): AxiosInstance {
  http.interceptors.request.use((config) => {
    const current = currentLegacyCall();
    if (current) {
      config.headers.set('traceparent', childTraceparent(current.call.traceparent));
      current.exchange.requestBytes = byteLength(config.data);
    } else if (!config.headers.has('traceparent')) {
      config.headers.set('traceparent', childTraceparent(undefined));
    }
    return config;
  });
  http.interceptors.response.use(
    (response) => {
      const current = currentLegacyCall();
      if (current) noteResponse(current.exchange, response);
      return response;
    },
    (error: unknown) => {
      const current = currentLegacyCall();
      if (current && isAxiosError(error)) {
        if (error.response) noteResponse(current.exchange, error.response);
        else current.exchange.faultCode = error.code ?? 'NETWORK_ERROR';
      }
      throw error;
    },
  );
  return http;
}
