import type { CountryPackDocument } from '@app/countries';
import type { Tx } from '@app/persistence';
import type { SellerBusinessProfileEntity } from '@app/sellers';
import type { CheckResult, KycReasonCode, MissingItem } from '../codes';
import type { KycCaseEntity } from '../entities/kyc-case.entity';
import type { KycPersonEntity } from '../entities/kyc-person.entity';
import type { SanctionsScreener } from '../sanctions.port';
import type { IdentityVerificationProvider } from '../verification.port';

/** What a submission check sees: the submitted case (locked by the submitting transaction), its pinned pack, the seller's profile and persons, and the ports it may ask. */
export interface SubmissionContext {
  readonly tx: Tx;
  readonly kase: KycCaseEntity;
  readonly pack: CountryPackDocument;
  /** `pack:<country>@<version>`: the rule version of checks that follow the pinned pack. */
  readonly packRef: string;
  readonly profile: SellerBusinessProfileEntity;
  readonly persons: readonly KycPersonEntity[];
  /** The case's checklist of what is still missing (KycCasesService.missing). */
  missing(): Promise<MissingItem[]>;
  readonly screener: SanctionsScreener;
  readonly identity: IdentityVerificationProvider;
}

/** One check's verdict, stored as a kyc_checks row named after the check. */
export interface CheckFinding {
  result: CheckResult;
  evidence: Record<string, unknown>;
  /** The rule, list or vendor version the check used. */
  ruleVersion: string;
  /** The case goes to review with this reason and stays with ops (a sanctions hit): no send-back. */
  hold?: KycReasonCode;
  /** The case goes back to the seller with this reason (a vendor's RETRY), unless a finding holds it. */
  sendBack?: { actorRole: string; reason: KycReasonCode | null };
}

/**
 * An automated check of a submission. `name` is the kind stored in kyc_checks (ops' triage reads
 * it); `run` answers null when the check does not apply (no identity vendor configured).
 */
export interface SubmissionCheck {
  readonly name: string;
  run(context: SubmissionContext): Promise<CheckFinding | null>;
}
