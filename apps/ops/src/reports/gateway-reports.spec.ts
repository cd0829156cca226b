import type { ConfigService } from '@nestjs/config';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OpsConfig } from '../config/ops.config';
import { ProblemTypes } from '../problems/problem';
import { GatewayReports } from './gateway-reports';

function reportsWith(settings: Partial<OpsConfig>): GatewayReports {
  const values: Partial<OpsConfig> = { OPS_GATEWAY_URL: 'http://gateway.test/', ...settings };
  return new GatewayReports({
    get: (name: keyof OpsConfig) => values[name],
  } as unknown as ConfigService<OpsConfig, true>);
}

function answer(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });
}

describe('GatewayReports', () => {
  const fetchMock = jest.spyOn(globalThis, 'fetch');
  afterEach(() => fetchMock.mockReset());
  afterAll(() => fetchMock.mockRestore());

  it("asks the gateway with the ops app's key and answers its JSON", async () => {
    fetchMock.mockResolvedValue(answer(200, { total: { respondents: 3 } }));
    const reports = reportsWith({ OPS_GATEWAY_API_KEY: 'mpp_ops-key' });
    await expect(
      reports.get('reports/ikm', { from: '2026-03-01', to: '2026-03-31' }),
    ).resolves.toEqual({ total: { respondents: 3 } });
    const [url, init] = fetchMock.mock.calls[0];
    expect(url).toBe('http://gateway.test/v1/reports/ikm?from=2026-03-01&to=2026-03-31');
    expect((init!.headers as Record<string, string>).authorization).toBe('Bearer mpp_ops-key');
  });

  it('reads the key from its file at each use, so a rotated key is picked up', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'ops-key-')), 'gateway-key');
    writeFileSync(file, 'mpp_first\n');
    const reports = reportsWith({ OPS_GATEWAY_API_KEY_FILE: file });
    fetchMock.mockImplementation(async () => answer(200, {}));
    await reports.get('services', {});
    writeFileSync(file, 'mpp_second\n');
    await reports.get('services', {});
    const keys = fetchMock.mock.calls.map(([, init]) => (init!.headers as any).authorization);
    expect(keys).toEqual(['Bearer mpp_first', 'Bearer mpp_second']);
  });

  it('answers 503 without a key, before calling the gateway', async () => {
    const reports = reportsWith({ OPS_GATEWAY_API_KEY_FILE: '/nonexistent/key' });
    await expect(reports.get('services', {})).rejects.toMatchObject({
      type: ProblemTypes.reportsNotConfigured,
      status: 503,
    });
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('answers 502 when the gateway is down or refuses the key, and passes field errors on', async () => {
    const reports = reportsWith({ OPS_GATEWAY_API_KEY: 'mpp_ops-key' });
    fetchMock.mockRejectedValueOnce(new TypeError('fetch failed'));
    await expect(reports.get('services', {})).rejects.toMatchObject({
      type: ProblemTypes.gatewayUnavailable,
      status: 502,
    });
    fetchMock.mockResolvedValueOnce(answer(403, { type: '/problems/forbidden' }));
    await expect(reports.get('services', {})).rejects.toMatchObject({ status: 502 });
    const errors = [{ field: 'to', code: 'notBeforeFrom', message: 'to must not be before from' }];
    fetchMock.mockResolvedValueOnce(answer(400, { errors }));
    await expect(
      reports.get('reports/ikm', { from: '2026-03-31', to: '2026-03-01' }),
    ).rejects.toMatchObject({ type: ProblemTypes.validation, status: 400 });
  });
});
