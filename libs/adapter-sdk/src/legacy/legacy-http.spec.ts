import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import axios from 'axios';
import { runLegacyCall, noteLegacyFault, type LegacyExchange } from './legacy-call-context';
import { instrumentLegacyHttp } from './legacy-http';

describe('instrumentLegacyHttp', () => {
  let server: Server;
  let received: IncomingHttpHeaders[];
  let baseURL: string;

  beforeAll(async () => {
    received = [];
    server = createServer((request, response) => {
      received.push(request.headers);
      request.resume();
      response.writeHead(request.url === '/fail' ? 503 : 200, {
        'content-type': 'application/json',
      });
      response.end('{"ok":true}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('continues the application’s trace on the legacy request, in a span of its own', async () => {
    const http = instrumentLegacyHttp(axios.create({ baseURL }));
    const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
    const exchange: LegacyExchange = {};
    await runLegacyCall({ traceparent }, exchange, () => http.post('/submit', { a: 1 }));
    const sent = String(received.at(-1)?.traceparent);
    expect(sent).toMatch(/^00-4bf92f3577b34da6a3ce929d0e0e4736-[0-9a-f]{16}-01$/);
    expect(sent).not.toBe(traceparent);
    expect(exchange).toMatchObject({ httpStatus: 200, requestBytes: 7, responseBytes: 11 });
  });

  it('records the status of a failed answer and the legacy system’s own fault code', async () => {
    const http = instrumentLegacyHttp(axios.create({ baseURL }));
    const exchange: LegacyExchange = {};
    await expect(
      runLegacyCall({}, exchange, async () => {
        try {
          return await http.get('/fail');
        } finally {
          noteLegacyFault('SIBUK');
        }
      }),
    ).rejects.toThrow();
    expect(exchange).toMatchObject({ httpStatus: 503, faultCode: 'SIBUK' });
    expect(String(received.at(-1)?.traceparent)).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
  });

  it('names a network failure by its code', async () => {
    const http = instrumentLegacyHttp(axios.create({ baseURL: 'http://127.0.0.1:1' }));
    const exchange: LegacyExchange = {};
    await expect(runLegacyCall({}, exchange, () => http.get('/'))).rejects.toThrow();
    expect(exchange.faultCode).toBe('ECONNREFUSED');
  });
});
