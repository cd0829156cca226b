import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { bearerCredential, sessionCredential } from './credentials';
import type { AuthenticatedOperator } from './operator';
import { OperatorDirectory } from './operator-directory';
import { OperatorSessions } from './operator-sessions';

/**
 * Who sent a request: an API key in `Authorization` (scripts, the CLI's peers) or the
 * dashboard's session cookie. A request with an Authorization header is judged by it alone.
 */
@Injectable()
export class Authenticator {
  constructor(
    private readonly directory: OperatorDirectory,
    private readonly sessions: OperatorSessions,
  ) {}

  async identify(request: Request): Promise<AuthenticatedOperator | undefined> {
    const apiKey = bearerCredential(request);
    if (apiKey !== undefined) return this.directory.authenticate(apiKey);
    const session = sessionCredential(request);
    return session ? this.sessions.authenticate(session) : undefined;
  }
}
