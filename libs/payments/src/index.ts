export * from './payments.module';
export * from './payouts.service';
export * from './errors';
export * from './status';
export * from './checklist';
export { PAYMENTS_MESSAGES } from './i18n';
export { INBOX_CHANNEL, RECONCILE_EVENTS_JOB, MAX_WEBHOOK_ATTEMPTS, HANDLED_EVENT_TYPES, ReconcileEventsJob, WebhookInboxDrainer } from './webhooks.service';
export { STRIPE_API_VERSION } from './stripe/stripe-connect.gateway';
export type { ConnectAccountSnapshot, RequirementsSnapshot } from './ports';
