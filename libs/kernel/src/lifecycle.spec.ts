import { describe, expect, it } from '@jest/globals';
import { defineLifecycle, IllegalTransition, type TransitionRecord } from './lifecycle';

type Door = 'open' | 'closed' | 'locked' | 'removed';
const door = defineLifecycle<Door>('door', {
  open: ['closed', 'removed'],
  closed: ['open', 'locked'],
  locked: ['closed'],
  removed: [],
});

describe('Lifecycle', () => {
  it('allows exactly the declared moves', () => {
    expect(door.can('open', 'closed')).toBe(true);
    expect(door.can('closed', 'locked')).toBe(true);
    expect(door.can('open', 'locked')).toBe(false);
    expect(door.can('open', 'open')).toBe(false);
    expect(door.terminal).toEqual(['removed']);
  });

  it('refuses an undeclared move with a typed error naming the lifecycle and both states', () => {
    let caught: unknown;
    try {
      door.assert('locked', 'open');
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(IllegalTransition);
    expect(caught).toMatchObject({ lifecycle: 'door', from: 'locked', to: 'open' });
  });

  it('records every accepted move and none that is refused', async () => {
    const seen: TransitionRecord<Door>[] = [];
    await expect(door.move('open', 'closed', (t) => void seen.push(t))).resolves.toBe('closed');
    await expect(door.move('removed', 'open', (t) => void seen.push(t))).rejects.toBeInstanceOf(IllegalTransition);
    expect(seen).toEqual([{ lifecycle: 'door', from: 'open', to: 'closed' }]);
  });

  it('treats a self-move as a silent no-op only when the lifecycle says so', async () => {
    const derived = defineLifecycle<Door>('derived door', { open: ['closed'], closed: ['open'], locked: [], removed: [] }, { allowSelf: true });
    const seen: unknown[] = [];
    await expect(derived.move('locked', 'locked', (t) => void seen.push(t))).resolves.toBe('locked');
    expect(seen).toEqual([]);
    expect(derived.can('locked', 'open')).toBe(false);
  });

  it('refuses a table that names an undeclared state', () => {
    expect(() => defineLifecycle('broken', { a: ['b'] } as Record<'a' | 'b', ('a' | 'b')[]>)).toThrow(/undeclared state/);
  });

  it('tells declared states from other values', () => {
    expect(door.isState('locked')).toBe(true);
    expect(door.isState('ajar')).toBe(false);
    expect(door.isState(3)).toBe(false);
  });
});
