import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { allErrorCodes, Ctx, errorMessageKey, Public, Translator } from '@app/kernel';
import type { RequestContext } from '@app/kernel';

class ErrorCodeView {
  @ApiProperty({ example: 'AUTH_EMAIL_TAKEN' }) code: string;
  @ApiProperty({ example: 409 }) status: number;
  @ApiProperty() description: string;
  @ApiProperty({ description: "The message template in the caller's language." }) message: string;
}

/** The error catalogue, generated from the code: every code, its status and its message. */
@ApiTags('operations')
@Controller({ path: 'errors', version: '1' })
@Public()
export class ErrorsController {
  constructor(private readonly translator: Translator) {}

  @Get()
  @ApiOperation({ summary: 'Every error code the API can answer with' })
  @ApiOkResponse({ type: [ErrorCodeView] })
  list(@Ctx() ctx: RequestContext): ErrorCodeView[] {
    return allErrorCodes().map(([code, spec]) => ({
      code,
      status: spec.status,
      description: spec.description,
      message: this.translator.t(ctx.locale, errorMessageKey(code), {}),
    }));
  }
}
