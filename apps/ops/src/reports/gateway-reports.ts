import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { readFileSync } from 'node:fs';
import type { OpsConfig } from '../config/ops.config';
import { Problems, type FieldError } from '../problems/problem';

const TIMEOUT_MS = 15_000;

/**
 * The gateway's reports over its HTTP API, with the gateway key of the ops app: reports come
 * from the gateway's own data, which no other app reads directly.
 */
@Injectable()
export class GatewayReports {
  private readonly gatewayUrl: string;
  private readonly apiKey?: string;
  private readonly apiKeyFile?: string;

  constructor(config: ConfigService<OpsConfig, true>) {
    this.gatewayUrl = config.get('OPS_GATEWAY_URL', { infer: true }).replace(/\/+$/, '');
    this.apiKey = config.get('OPS_GATEWAY_API_KEY', { infer: true });
    this.apiKeyFile = config.get('OPS_GATEWAY_API_KEY_FILE', { infer: true });
  }

  /** A gateway path under /v1 with its query; the answer's JSON as it is. */
  async get(path: string, query: Record<string, string>): Promise<unknown> {
    const url = `${this.gatewayUrl}/v1/${path}?${new URLSearchParams(query).toString()}`;
    const key = this.key();
    let response: Response;
    try {
      response = await fetch(url, {
        headers: { authorization: `Bearer ${key}`, accept: 'application/json' },
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (error) {
      throw Problems.gatewayUnavailable({
        id: `Gateway di ${this.gatewayUrl} tidak menjawab.`,
        en: `The gateway at ${this.gatewayUrl} did not answer: ${String(error)}`,
      });
    }
    const body = (await response.json().catch(() => undefined)) as
      { errors?: FieldError[] } | undefined;
    if (response.ok && body !== undefined) return body;
    if (response.status === 400 && body?.errors) throw Problems.validation(body.errors);
    if (response.status === 401 || response.status === 403) {
      throw Problems.gatewayUnavailable({
        id: 'Gateway menolak kunci API ops; periksa kunci dan perannya (ops).',
        en: "The gateway refused the ops app's API key; check the key and its role (ops).",
      });
    }
    throw Problems.gatewayUnavailable({
      id: `Gateway menjawab ${response.status}.`,
      en: `The gateway answered ${response.status}.`,
    });
  }

  private key(): string {
    const key = this.apiKey ?? this.keyFromFile();
    if (!key) throw Problems.reportsNotConfigured();
    return key;
  }

  private keyFromFile(): string | undefined {
    if (!this.apiKeyFile) return undefined;
    try {
      return readFileSync(this.apiKeyFile, 'utf8').trim() || undefined;
    } catch {
      return undefined;
    }
  }
}
