import { Injectable } from '@nestjs/common';
import type { FastRoute, FastRouteRequest } from '@app/kernel';
import { WebhookInbox } from './webhooks.service';

/**
 * `POST /v1/webhooks/stripe`, served ahead of the Nest pipeline (see FastRoute): Stripe delivers in
 * bursts and retries whatever is slow, and the request only verifies the raw bytes, stores them
 * once and answers. Documented in OpenAPI through {@link WebhooksController}, which serves the same
 * intake for path variants the fast route does not match (e.g. a trailing slash).
 */
@Injectable()
export class StripeWebhookRoute implements FastRoute {
  readonly method = 'POST' as const;
  readonly path = '/v1/webhooks/stripe';
  readonly consumes = ['application/json'];

  constructor(private readonly inbox: WebhookInbox) {}

  async handle({ body, headers }: FastRouteRequest): Promise<{ status: number; body: unknown }> {
    const signature = headers['stripe-signature'];
    return { status: 200, body: await this.inbox.receive(body.length ? body : undefined, typeof signature === 'string' ? signature : undefined) };
  }
}
