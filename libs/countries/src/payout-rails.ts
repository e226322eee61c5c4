import { Injectable } from '@nestjs/common';

export interface RailReadiness {
  configured: boolean;
  /** What this deployment lacks when it is not (e.g. the variable STRIPE_SECRET_KEY). */
  requires?: string;
}

/**
 * Whether this deployment can run a payout rail a pack names. The payments context registers its
 * rails at start-up (countries does not depend on it); a rail nobody registered counts as configured.
 */
@Injectable()
export class PayoutRailReadiness {
  private readonly checks = new Map<string, () => RailReadiness>();

  register(rail: string, check: () => RailReadiness): void {
    this.checks.set(rail, check);
  }

  of(rail: string): RailReadiness {
    return this.checks.get(rail)?.() ?? { configured: true };
  }
}
