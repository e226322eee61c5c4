import { describe, expect, it } from '@jest/globals';
import { defineEvent } from './events';

describe('defineEvent', () => {
  it('declares an event with its type and aggregate, frozen', () => {
    const e = defineEvent<{ sellerId: string }>()('kyc.approved', 'seller');
    expect(e).toEqual({ type: 'kyc.approved', aggregateType: 'seller' });
    expect(Object.isFrozen(e)).toBe(true);
  });

  it('refuses a type that is not <context>.<event>', () => {
    expect(() => defineEvent<object>()('approved', 'seller')).toThrow(/<context>\.<event>/);
    expect(() => defineEvent<object>()('KYC.Approved', 'seller')).toThrow(/<context>\.<event>/);
  });
});
