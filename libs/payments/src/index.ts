export * from './payments.module';
export * from './payouts.service';
export * from './errors';
export * from './status';
export * from './checklist';
export { PAYMENTS_MESSAGES } from './i18n';
export { PROCESS_WEBHOOK_JOB, RECONCILE_EVENTS_JOB, MAX_WEBHOOK_ATTEMPTS, HANDLED_EVENT_TYPES, ReconcileEventsJob } from './webhooks.service';
export { STRIPE_API_VERSION } from './stripe/stripe-connect.gateway';
export type { ConnectAccountSnapshot, RequirementsSnapshot } from './ports';
