/**
 * Typed domain events. A context declares each event it publishes once, with its payload type, and
 * exports the declaration from its `index.ts`:
 *
 *   export const KycApproved = defineEvent<KycCaseChanged>()('kyc.approved', 'seller');
 *
 * The outbox only accepts a declaration and a payload of its type (`outbox.add(tx, KycApproved, id,
 * payload)`), and a subscriber names the declarations it listens to (`@JobHandler({ subscribeTo:
 * [KycApproved] })`) and reads deliveries as {@link DeliveredEvent}s of their payload type, so an event
 * type string is written in exactly one place.
 */
export interface EventType<P extends object = object, T extends string = string> {
  /** `<context>.<event>`, e.g. `payouts.status_changed`. */
  readonly type: T;
  /** What the aggregate id names (`seller`, `market`, `fx_snapshot`, …). */
  readonly aggregateType: string;
  /** Type-only: carries the payload type; never set at run time. */
  readonly __payload?: P;
}

/** `defineEvent<Payload>()('context.event', 'aggregate')`: curried so the type string stays a literal. */
export function defineEvent<P extends object>() {
  return <T extends string>(type: T, aggregateType: string): EventType<P, T> => {
    if (!/^[a-z][a-z0-9_]*\.[a-z][a-z0-9_.]*$/.test(type)) throw new Error(`event type "${type}" is not <context>.<event>`);
    return Object.freeze({ type, aggregateType });
  };
}

export type PayloadOf<E> = E extends EventType<infer P> ? P : never;

/** What a subscriber receives: the outbox row as the relay publishes it. */
export interface DeliveredEvent<P extends object = Record<string, unknown>> {
  readonly id: string;
  readonly type: string;
  readonly aggregateType: string;
  readonly aggregateId: string;
  /** ISO 8601. */
  readonly occurredAt: string;
  readonly payload: P;
}

/** The delivery type of a handler subscribed to several declarations: their payloads as a union. */
export type DeliveredOf<E extends readonly EventType[]> = DeliveredEvent<PayloadOf<E[number]>>;
