import {
  Injectable,
  Logger,
  type CanActivate,
  type ExecutionContext,
  type RawBodyRequest,
} from '@nestjs/common';
import type { Request } from 'express';
import { LandSystemConfig } from '../land/land-system.config';
import { CallbackProblems } from './callback-problem';
import { CallbackHeaders, verifyCallbackSignature } from './callback-signature';

/** Lets through only callbacks the land system signed, within the replay window. */
@Injectable()
export class LandCallbackSignatureGuard implements CanActivate {
  private readonly logger = new Logger(LandCallbackSignatureGuard.name);

  constructor(private readonly config: LandSystemConfig) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<RawBodyRequest<Request>>();
    // The JSON body parser keeps the raw bytes; anything it did not parse has none.
    if (!request.rawBody) {
      throw CallbackProblems.malformed({
        id: 'Isi callback harus objek JSON.',
        en: 'The body must be a JSON object.',
      });
    }
    const verdict = verifyCallbackSignature(
      {
        timestamp: request.header(CallbackHeaders.timestamp),
        signature: request.header(CallbackHeaders.signature),
        rawBody: request.rawBody,
      },
      {
        secret: this.config.LAND_CALLBACK_SECRET,
        toleranceSeconds: this.config.LAND_CALLBACK_TOLERANCE_S,
      },
    );
    if (!verdict.authentic) {
      this.logger.warn(`callback from ${request.ip} refused: ${verdict.reason}`);
      throw CallbackProblems.notAuthentic();
    }
    return true;
  }
}
