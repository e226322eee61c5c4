/**
 * One way to declare a lifecycle: the states, the moves allowed from each, and nothing else. Every
 * context's state machine (KYC cases, payout accounts, bank-account review, the webhook inbox) is a
 * {@link Lifecycle}, so a state is never written around its table: code calls {@link Lifecycle.move},
 * which refuses an undeclared move with a typed {@link IllegalTransition} and tells the history hook
 * about every accepted one.
 */
export class IllegalTransition<S extends string = string> extends Error {
  constructor(
    readonly lifecycle: string,
    readonly from: S,
    readonly to: S,
  ) {
    super(`${lifecycle}: cannot move from ${from} to ${to}`);
    this.name = 'IllegalTransition';
  }
}

export interface TransitionRecord<S extends string> {
  readonly lifecycle: string;
  readonly from: S;
  readonly to: S;
}

export interface LifecycleOptions {
  /** Whether "moving" to the state one is already in is accepted as a no-op (derived statuses); default false. */
  readonly allowSelf?: boolean;
}

export class Lifecycle<S extends string> {
  readonly states: readonly S[];
  private readonly allowed: ReadonlyMap<S, ReadonlySet<S>>;

  constructor(
    readonly name: string,
    readonly transitions: Readonly<Record<S, readonly S[]>>,
    private readonly options: LifecycleOptions = {},
  ) {
    this.states = Object.keys(transitions) as S[];
    const known = new Set<string>(this.states);
    for (const [from, tos] of Object.entries(transitions) as [S, readonly S[]][]) {
      for (const to of tos) if (!known.has(to)) throw new Error(`${name}: ${from} → ${to} names an undeclared state`);
    }
    this.allowed = new Map(this.states.map((s) => [s, new Set(transitions[s])]));
  }

  /** True for a declared state (values read from the database or a request are checked with it). */
  isState(value: unknown): value is S {
    return typeof value === 'string' && this.allowed.has(value as S);
  }

  can(from: S, to: S): boolean {
    if (from === to && this.options.allowSelf) return true;
    return this.allowed.get(from)?.has(to) ?? false;
  }

  /** States with no way out. */
  get terminal(): S[] {
    return this.states.filter((s) => this.allowed.get(s)!.size === 0);
  }

  /** Refuses an undeclared move with {@link IllegalTransition}. */
  assert(from: S, to: S): void {
    if (!this.can(from, to)) throw new IllegalTransition<S>(this.name, from, to);
  }

  /**
   * The one way a state changes: checks the move, then hands it to `record` (history row, audit
   * entry, outbox event) and returns the new state. A self-move allowed by `allowSelf` is returned
   * without calling `record`.
   */
  async move(from: S, to: S, record?: (t: TransitionRecord<S>) => Promise<void> | void): Promise<S> {
    this.assert(from, to);
    if (from !== to && record) await record({ lifecycle: this.name, from, to });
    return to;
  }
}

/** Declares a lifecycle from its transition table (every state a key, even terminal ones). */
export function defineLifecycle<S extends string>(
  name: string,
  transitions: Readonly<Record<S, readonly S[]>>,
  options?: LifecycleOptions,
): Lifecycle<S> {
  return new Lifecycle(name, transitions, options);
}
