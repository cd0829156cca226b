import { STATUS_CODES, type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { HttpProblems } from './http-problems';
import { PROBLEM_CONTENT_TYPE, problemBody } from './problem-body';
import type { ProblemError } from './problem-error';

/**
 * Requests Node's HTTP parser refuses before any framework code runs (header values with bare
 * CR or control characters, oversized headers, invalid request lines, slow senders) answered as
 * problem+json instead of Node's bare status line. The headers were not read, so the answer is
 * in the default language, Indonesian.
 */
export function answerMalformedHttpAsProblems(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    // Node's own handling skips a socket that is gone or already answering.
    const answering = (socket as { _httpMessage?: { headersSent?: boolean } })._httpMessage;
    if (error.code === 'ECONNRESET' || !socket.writable || answering?.headersSent) {
      socket.destroy();
      return;
    }
    const problem = problemOfParserError(error.code);
    const body = JSON.stringify(problemBody(problem, 'id'));
    socket.end(
      [
        `HTTP/1.1 ${problem.status} ${STATUS_CODES[problem.status]}`,
        `Content-Type: ${PROBLEM_CONTENT_TYPE}`,
        'Content-Language: id',
        `Content-Length: ${Buffer.byteLength(body)}`,
        'Connection: close',
        '',
        body,
      ].join('\r\n'),
    );
  });
}

function problemOfParserError(code: string | undefined): ProblemError {
  switch (code) {
    case 'HPE_HEADER_OVERFLOW':
      return HttpProblems.headersTooLarge();
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return HttpProblems.requestTimeout();
    default:
      return HttpProblems.malformedRequest({
        id: 'Permintaan HTTP tidak sah (mis. karakter kendali dalam header).',
        en: 'The HTTP request is not well-formed (e.g. control characters in a header).',
      });
  }
}
