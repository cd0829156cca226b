import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedCallback {
  headers: IncomingHttpHeaders;
  /** The body exactly as it arrived, which is what the signature covers. */
  rawBody: string;
  body: any;
  /** The HTTP status the receiver answered with. */
  answeredWith: number;
}

/** A local HTTP server standing in for an adapter's callback endpoint. */
export class CallbackReceiver {
  readonly received: ReceivedCallback[] = [];
  /** Chooses the status to answer each callback with; 200 unless a test says otherwise. */
  answer: (callback: Omit<ReceivedCallback, 'answeredWith'>) => number = () => 200;

  private readonly server = createServer((request, response) => this.receive(request, response));

  static async start(): Promise<CallbackReceiver> {
    const receiver = new CallbackReceiver();
    await new Promise<void>((resolve) => receiver.server.listen(0, '127.0.0.1', resolve));
    return receiver;
  }

  get url(): string {
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}/bpbatam/callback`;
  }

  /** Callbacks about one application, in the order they arrived. */
  forReference(reference: string): ReceivedCallback[] {
    return this.received.filter((callback) => callback.body.referensi === reference);
  }

  /** The statuses of the callbacks the receiver acknowledged for one application. */
  acknowledgedStatuses(reference: string): string[] {
    return this.forReference(reference)
      .filter((callback) => callback.answeredWith < 300)
      .map((callback) => callback.body.status);
  }

  clear(): void {
    this.received.length = 0;
    this.answer = () => 200;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve, reject) =>
      this.server.close((error) => (error ? reject(error) : resolve())),
    );
  }

  private receive(request: IncomingMessage, response: ServerResponse): void {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const rawBody = Buffer.concat(chunks).toString('utf8');
      const callback = { headers: request.headers, rawBody, body: JSON.parse(rawBody) };
      const answeredWith = this.answer(callback);
      this.received.push({ ...callback, answeredWith });
      response.writeHead(answeredWith).end();
    });
  }
}
