import { Controller, Headers, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiParam, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { ApiErrors, Public } from '@app/kernel';
import { KycErrorCode } from './codes';
import { IdentityVerificationService } from './identity-verification.service';

class KycWebhookReceiptView {
  @ApiProperty({ enum: [true] }) received: true;
  @ApiProperty({
    enum: ['queued', 'duplicate', 'ignored'],
    description: 'queued: stored in the webhook inbox, applied by the worker (its outcome: GET /v1/ops/webhooks?provider=sumsub); duplicate: already stored; ignored: the event carried no decision.',
  })
  disposition: string;
  @ApiPropertyOptional({ example: 'sumsub:63f…', description: 'The webhook-inbox event (queued or duplicate): GET /v1/ops/webhooks/{eventId}.' }) eventId?: string;
}

/** Identity-verification vendors report results here; public, authenticated by the vendor's signature over the raw body. */
@ApiTags('webhooks')
@Controller({ path: 'webhooks/kyc', version: '1' })
@Public()
export class KycWebhooksController {
  constructor(private readonly identity: IdentityVerificationService) {}

  @Post(':provider')
  @HttpCode(200)
  @ApiOperation({ summary: 'Identity-verification vendor webhook (KYC_PROVIDER, e.g. sumsub): verified on the raw body, stored once in the webhook inbox, applied by the worker; never reverses a later decision' })
  @ApiParam({ name: 'provider', enum: ['sumsub'] })
  @ApiHeader({ name: 'X-Payload-Digest', required: true, description: 'Sumsub: hex HMAC of the raw body with the webhook secret' })
  @ApiHeader({ name: 'X-Payload-Digest-Alg', required: false, description: 'HMAC_SHA256_HEX (default) · HMAC_SHA512_HEX · HMAC_SHA1_HEX' })
  @ApiOkResponse({ type: KycWebhookReceiptView })
  @ApiErrors(KycErrorCode.VENDOR_NOT_CONFIGURED, KycErrorCode.VENDOR_SIGNATURE_INVALID)
  receive(@Param('provider') provider: string, @Req() req: Request & { rawBody?: Buffer }, @Headers() headers: Record<string, string | string[] | undefined>) {
    return this.identity.receive(provider, req.rawBody, headers);
  }
}
