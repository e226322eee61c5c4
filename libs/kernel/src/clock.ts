/** Time is a port: code asks the injected clock, never `new Date()` in domain logic, so tests can move it. */
export interface Clock {
  now(): Date;
}
export const CLOCK = Symbol('CLOCK');
export const systemClock: Clock = { now: () => new Date() };
