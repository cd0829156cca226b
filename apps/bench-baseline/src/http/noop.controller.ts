import { Body, Controller, HttpCode, Post } from '@nestjs/common';

/**
 * Not part of the baseline: an empty Nest/Express handler that parses the JSON body and answers
 * 202, so the benchmark can show what the HTTP stack alone serves on the same machine.
 */
@Controller()
export class NoopController {
  @Post('v1/noop')
  @HttpCode(202)
  accept(@Body() _body: unknown): { accepted: true } {
    return { accepted: true };
  }
}
