import type { ServiceDescriptor } from '@mpp/contracts';
import type { PastRecordResult } from '../seeding/past-records';
import type { PastSubmissionResult } from '../seeding/record-past-submissions.use-case';
import { MAX_PAST_RECORDS } from '../seeding/dto/past-records.dto';

export type CatalogService = Pick<ServiceDescriptor, 'code' | 'agency' | 'standardTime'>;

/** The gateway's catalog and seeding routes, as the demo front-end client. */
export class SeedingClient {
  constructor(
    private readonly gatewayUrl: string,
    private readonly apiKey: string,
  ) {}

  async services(): Promise<CatalogService[]> {
    const { services } = await this.call<{ services: CatalogService[] }>('GET', '/v1/services');
    return services;
  }

  recordSubmissions(applications: object[]): Promise<PastSubmissionResult[]> {
    return this.inBatches('/v1/seeding/applications', 'applications', applications);
  }

  recordResubmissions(resubmissions: object[]): Promise<PastRecordResult[]> {
    return this.inBatches('/v1/seeding/resubmissions', 'resubmissions', resubmissions);
  }

  recordSurveys(surveys: object[]): Promise<PastRecordResult[]> {
    return this.inBatches('/v1/seeding/surveys', 'surveys', surveys);
  }

  private async inBatches<R>(path: string, field: string, records: object[]): Promise<R[]> {
    const results: R[] = [];
    for (let start = 0; start < records.length; start += MAX_PAST_RECORDS) {
      const batch = records.slice(start, start + MAX_PAST_RECORDS);
      results.push(
        ...(await this.call<{ results: R[] }>('POST', path, { [field]: batch })).results,
      );
    }
    return results;
  }

  private async call<T>(method: string, path: string, body?: object): Promise<T> {
    for (;;) {
      const response = await fetch(`${this.gatewayUrl}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${this.apiKey}`,
          'accept-language': 'en',
          ...(body ? { 'content-type': 'application/json' } : {}),
        },
        body: body && JSON.stringify(body),
      });
      if (response.status === 429) {
        await pause(Number(response.headers.get('retry-after') ?? 1) * 1000);
        continue;
      }
      const answer = (await response.json()) as T & {
        title?: string;
        detail?: string;
        errors?: unknown;
      };
      if (!response.ok) {
        const why = [answer.title, answer.detail, answer.errors && JSON.stringify(answer.errors)];
        throw new Error(
          `${method} ${path} answered ${response.status}: ${why.filter(Boolean).join(' ')}`,
        );
      }
      return answer;
    }
  }
}

export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
