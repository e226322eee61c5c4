import { Injectable } from '@nestjs/common';
import { RequestAuthenticator } from '@app/accounts';
import { inspectJsonBody, parseJsonBody, Role } from '@app/kernel';
import type { FastRoute, FastRouteRequest } from '@app/kernel';
import { BusinessProfileService } from './business-profile.service';
import { SellersService } from './sellers.service';

const SELLER = [Role.SELLER] as const;

/**
 * `PUT /v1/sellers/me/business` served ahead of Express (see FastRoute): the registration is the
 * hot path of onboarding. Same order of checks as the Nest route it shadows: media type (415), JSON
 * syntax (400), token (401), role (403), the body's characters and shape (400), then the registration.
 */
@Injectable()
export class RegisterBusinessRoute implements FastRoute {
  readonly method = 'PUT' as const;
  readonly path = '/v1/sellers/me/business';
  readonly consumes = ['application/json'];

  constructor(
    private readonly authenticator: RequestAuthenticator,
    private readonly business: BusinessProfileService,
  ) {}

  async handle({ body, headers, ctx }: FastRouteRequest): Promise<{ status: number; body: unknown }> {
    const input = parseJsonBody(body);
    // the registration statement re-checks the token itself: no lookup round trip for a known caller
    const token = await this.authenticator.authenticateForWrite(headers.authorization, ctx, SELLER);
    try {
      inspectJsonBody(input);
    } catch (e) {
      await token.confirm();
      throw e;
    }
    return { status: 200, body: await this.business.put(ctx, input, token) };
  }
}

/** `GET /v1/sellers/me` served ahead of Express (see FastRoute): every page of the seller's app asks it. */
@Injectable()
export class SellerMeRoute implements FastRoute {
  readonly method = 'GET' as const;
  readonly path = '/v1/sellers/me';
  readonly consumes = ['application/json'];

  constructor(
    private readonly authenticator: RequestAuthenticator,
    private readonly sellers: SellersService,
  ) {}

  async handle({ body, headers, ctx }: FastRouteRequest): Promise<{ status: number; body: unknown }> {
    // a body is not used, but a broken one is refused as on every route
    const input = parseJsonBody(body);
    await this.authenticator.authenticate(headers.authorization, ctx, SELLER);
    inspectJsonBody(input);
    return { status: 200, body: await this.sellers.getForAccount(ctx) };
  }
}
