import { Injectable } from '@nestjs/common';
import type { Tx } from '@app/persistence';

/**
 * A context that keeps data about a seller takes part in deleting the seller's account: it may
 * refuse (KYC history must be kept), and it deletes its own rows in the deleting transaction,
 * returning work for after the commit (stored files: no external call inside a transaction).
 * Contexts that import sellers register themselves at start-up (sellers knows none of them).
 */
export interface ErasureParticipant {
  name: string;
  /** A refusal code (`HAS_KYC_HISTORY`), or null when the seller may be erased. */
  refuse(tx: Tx, sellerId: string): Promise<string | null>;
  erase(tx: Tx, sellerId: string): Promise<(() => Promise<void>) | void>;
}

@Injectable()
export class SellerErasure {
  private readonly participants: ErasureParticipant[] = [];

  register(participant: ErasureParticipant): void {
    this.participants.push(participant);
  }

  all(): readonly ErasureParticipant[] {
    return this.participants;
  }
}
