import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { isPublicAddress, webhookUrlRefusal } from './webhook-url-policy';

export interface WebhookPost {
  url: string;
  body: string;
  headers: Record<string, string>;
  timeoutMs: number;
  /** Production: only public addresses, checked on every connection. */
  production: boolean;
}

export interface WebhookAnswer {
  /** The receiver's HTTP status; absent when none came (refused, timed out, unreachable). */
  statusCode?: number;
  error?: string;
  durationMs: number;
}

/**
 * Resolves like dns.lookup, but refuses a name that resolves to a non-public address. Checking at
 * connection time, on the address actually used, defeats names re-pointed after registration.
 */
const publicOnlyLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
    if (error) return callback(error, '', 0);
    const refused = addresses.find(({ address }) => !isPublicAddress(address));
    if (refused) {
      return callback(new Error(`${hostname} resolves to a non-public address`), '', 0);
    }
    if (options.all) return (callback as unknown as AllCallback)(null, addresses);
    callback(null, addresses[0].address, addresses[0].family);
  });
};
type AllCallback = (error: Error | null, addresses: LookupAddress[]) => void;

/**
 * POSTs one webhook delivery and reports how the receiver answered. Redirects are not followed:
 * a 3xx counts as a failed attempt, so a receiver cannot bounce deliveries to another host.
 */
export function postWebhook(post: WebhookPost): Promise<WebhookAnswer> {
  const started = Date.now();
  const answer = (outcome: Omit<WebhookAnswer, 'durationMs'>): WebhookAnswer => ({
    ...outcome,
    durationMs: Date.now() - started,
  });
  const refusal = webhookUrlRefusal(post.url, post.production);
  if (refusal) return Promise.resolve(answer({ error: `refused: ${refusal}` }));

  const url = new URL(post.url);
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve) => {
    const request = send(
      url,
      {
        method: 'POST',
        headers: { ...post.headers, 'content-length': Buffer.byteLength(post.body) },
        signal: AbortSignal.timeout(post.timeoutMs),
        ...(post.production ? { lookup: publicOnlyLookup } : {}),
      },
      (response) => {
        response.resume();
        resolve(answer({ statusCode: response.statusCode }));
      },
    );
    request.on('error', (error: Error) =>
      resolve(
        answer({
          error:
            error.name === 'AbortError' ? `no answer within ${post.timeoutMs} ms` : error.message,
        }),
      ),
    );
    request.end(post.body);
  });
}
