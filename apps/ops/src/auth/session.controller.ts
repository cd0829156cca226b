import { Body, Controller, Delete, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { CookieOptions, Request, Response } from 'express';
import { Public } from '@mpp/observability';
import type { OpsConfig } from '../config/ops.config';
import { Problems } from '../problems/problem';
import { CurrentOperator } from './access.decorators';
import { SESSION_COOKIE, sessionCredential } from './credentials';
import { SignInDto } from './dto/sign-in.dto';
import type { AuthenticatedOperator } from './operator';
import { OperatorDirectory } from './operator-directory';
import { OperatorSessions } from './operator-sessions';

/**
 * The dashboard signs in by trading an API key for a session cookie that scripts in the page
 * cannot read (HttpOnly) and that other sites cannot make the browser send (SameSite=Strict).
 */
@Controller('v1')
export class SessionController {
  private readonly cookie: CookieOptions;

  constructor(
    private readonly directory: OperatorDirectory,
    private readonly sessions: OperatorSessions,
    config: ConfigService<OpsConfig, true>,
  ) {
    this.cookie = {
      httpOnly: true,
      sameSite: 'strict',
      secure: config.get('OPS_SESSION_COOKIE_SECURE', { infer: true }),
      path: '/',
    };
  }

  /** Sign in with an API key; answers with an HttpOnly session cookie. */
  @Public()
  @Post('session')
  async signIn(@Body() body: SignInDto, @Res({ passthrough: true }) response: Response) {
    const operator = await this.directory.authenticate(body.apiKey);
    if (!operator) throw Problems.unauthenticated();
    const session = await this.sessions.open(operator);
    response.cookie(SESSION_COOKIE, session.token, { ...this.cookie, expires: session.expiresAt });
    return { operator: { name: operator.name, role: operator.role }, expiresAt: session.expiresAt };
  }

  /** Sign out: ends the session and clears its cookie; public, so it works for an ended one. */
  @Public()
  @Delete('session')
  @HttpCode(204)
  async signOut(@Req() request: Request, @Res({ passthrough: true }) response: Response) {
    const token = sessionCredential(request);
    if (token) await this.sessions.end(token);
    response.clearCookie(SESSION_COOKIE, this.cookie);
  }

  /** The operator making the request. */
  @Get('me')
  me(@CurrentOperator() operator: AuthenticatedOperator) {
    return { id: operator.id, name: operator.name, role: operator.role, via: operator.via };
  }
}
