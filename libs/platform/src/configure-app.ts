import { INestApplication, VersioningType } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { AppConfig, declaredLengthLimit, FastRouteServer, HttpServerEdge, requestContextMiddleware } from '@app/kernel';
import { StripeWebhookRoute } from '@app/payments';
import { RegisterBusinessRoute, SellerMeRoute } from '@app/sellers';
import { decorateOpenApi } from './openapi';
import { serveWebApp } from './web-app';

/**
 * Everything about the HTTP edge, used by main.ts AND by the e2e tests, so both run the same
 * middleware, body limits, versioning, filters and docs.
 */
export function configureApp(app: INestApplication, config: AppConfig): INestApplication {
  const express = app as NestExpressApplication;
  express.useLogger(app.get(Logger));
  express.disable('x-powered-by');
  express.set('trust proxy', config.trustProxy);
  express.set('query parser', 'simple');
  // First: request id + language, so even body-parser errors are answered in the caller's language.
  express.use(requestContextMiddleware);
  // a declared body over the limit is refused before reading it (the parser would wait for all of it)
  express.use(declaredLengthLimit(config.bodyLimitBytes));
  express.useBodyParser('json', { limit: config.bodyLimitBytes, strict: true });
  express.useBodyParser('urlencoded', { limit: config.bodyLimitBytes, extended: false });
  express.enableVersioning({ type: VersioningType.URI, prefix: 'v' });
  // High-volume endpoints answered ahead of Express (same envelope, ids, languages, logs): the
  // processor's webhooks, the seller's registration and GET /v1/sellers/me (see bench/registration.mjs)
  app.get(FastRouteServer).install(app.getHttpServer(), [app.get(StripeWebhookRoute), app.get(RegisterBusinessRoute), app.get(SellerMeRoute)]);
  // timeouts, and requests Node's HTTP parser refuses before any route sees them, in the envelope
  app.get(HttpServerEdge).install(app.getHttpServer());
  serveWebApp(express, config.webDir);
  if (config.docsEnabled) SwaggerModule.setup('docs', app, createOpenApiDocument(app), { jsonDocumentUrl: 'docs-json' });
  return app;
}

/** The OpenAPI document of the API (served at /docs-json; written for the web client by `npm run cli -- openapi`). */
export function createOpenApiDocument(app: INestApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('local-to-global API')
      .setDescription(
        'Cross-border seller onboarding. Every error body is `{"error": {"code", "message", "details"}, "requestId"}`; ' +
          'messages follow `?lang=` or Accept-Language (en, ru, tr, it, es). The error catalogue is at GET /v1/errors.',
      )
      .setVersion('1')
      .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'Access token from POST /v1/auth/login' })
      .build(),
  );
  return decorateOpenApi(document);
}
