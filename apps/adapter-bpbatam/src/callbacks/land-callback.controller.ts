import {
  Body,
  Controller,
  HttpCode,
  HttpStatus,
  Post,
  UseGuards,
  ValidationPipe,
} from '@nestjs/common';
import { ApplyLandCallback, type CallbackOutcome } from './apply-land-callback';
import { CallbackProblems } from './callback-problem';
import { LandCallbackDto } from './land-callback.dto';
import { LandCallbackSignatureGuard } from './land-callback-signature.guard';

const CALLBACK_VALIDATION = new ValidationPipe({
  transform: true,
  // Fields the land system adds later are ignored, not refused: it would retry forever.
  whitelist: true,
  forbidUnknownValues: true,
  exceptionFactory: (errors) => CallbackProblems.invalidFields(errors),
});

/**
 * `POST /callbacks/land`: where BP Batam's land system reports every status change of a berkas.
 * The signature is checked before the body is looked at; a 2xx means the status is emitted.
 */
@Controller('callbacks/land')
export class LandCallbackController {
  constructor(private readonly applyCallback: ApplyLandCallback) {}

  @Post()
  @HttpCode(HttpStatus.OK)
  @UseGuards(LandCallbackSignatureGuard)
  async receive(
    @Body(CALLBACK_VALIDATION) callback: LandCallbackDto,
  ): Promise<{ outcome: CallbackOutcome }> {
    return { outcome: await this.applyCallback.apply(callback) };
  }
}
