import { connect } from 'node:net';

/**
 * Sends bytes as they are to an HTTP server and returns all it answers: for requests no HTTP
 * client will send (control characters in headers, oversized headers).
 */
export function rawHttp(url: string, request: string): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.write(request));
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk.toString()));
    socket.on('end', () => resolve(answer));
    socket.on('error', reject);
  });
}

/** The status and JSON body of a raw HTTP answer. */
export function parseRawAnswer(answer: string): { status: number; type?: string; body: any } {
  const [head, body = ''] = answer.split('\r\n\r\n');
  const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1]);
  const contentType = /^content-type: (.*)$/im.exec(head)?.[1];
  return { status, type: contentType, body: body ? JSON.parse(body) : undefined };
}
