import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { CountryRulesService, validateIdentifier } from '@app/countries';
import { CLOCK, FieldCipher } from '@app/kernel';
import type { Clock, ErrorDetail, RequestContext } from '@app/kernel';
import { Tx, UnitOfWork } from '@app/persistence';
import { callerSeller, SellerDirectory } from '@app/sellers';
import { compareHolderName } from '@app/kyc';
import type { HolderNameComparison } from '@app/kyc';
import { BankAccountEntity, BankAccountStatus } from './entities/bank-account.entity';
import { PayoutAccountEntity } from './entities/payout-account.entity';
import { paymentError, PaymentErrorCode } from './errors';
import type { ConnectAccountSnapshot } from './ports';
import { PayoutsService, railUnavailable } from './payouts.service';

export const REJECTION_REASONS = ['name_mismatch', 'account_closed', 'not_business_account', 'other'] as const;
export type RejectionReason = (typeof REJECTION_REASONS)[number];

export interface BankAccountInput {
  holderName: string;
  iban?: string;
  bik?: string;
  account?: string;
  currency?: string;
}

export interface BankAccountView {
  sellerId?: string;
  country: string;
  holderName: string;
  numberMasked: string;
  currency: string;
  status: BankAccountStatus;
  rejectionReason: string | null;
  submittedAt: string;
  reviewedAt: string | null;
  /** Ops views: the holder name against the seller's legal name, and why the details need a look. */
  holderNameCheck?: { legalName: string | null; result: HolderNameComparison };
  reviewReasons?: BankReviewReason[];
}

/** Why bank details need a reviewer's attention (ops only). */
export type BankReviewReason = 'HOLDER_NAME_MISMATCH';

const none = { currentlyDue: [], eventuallyDue: [], pastDue: [], pendingVerification: [], errors: [], disabledReason: null, currentDeadline: null };
const bankSnapshot = (country: string, over: Partial<ConnectAccountSnapshot['requirements']>, payoutsEnabled = false): ConnectAccountSnapshot => ({
  id: '',
  country,
  chargesEnabled: false,
  payoutsEnabled,
  detailsSubmitted: true,
  transfers: null,
  requirements: { ...none, ...over },
  futureRequirements: { ...none },
});

function mask(kind: string, number: string): string {
  if (kind === 'iban') return `${number.slice(0, 4)} •••• ${number.slice(-4)}`;
  return `•••• ${number.slice(-4)}`;
}

/**
 * Bank-transfer rail: the seller submits bank details validated by the country pack (IBAN with
 * national checks; RU account + БИК), ops verify or reject them, and the rail becomes enabled.
 * The number is encrypted at rest and shown masked; revealing it to ops is audited.
 */
@Injectable()
export class BankAccountsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly countries: CountryRulesService,
    private readonly payouts: PayoutsService,
    private readonly audit: AuditService,
    private readonly cipher: FieldCipher,
    private readonly sellers: SellerDirectory,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The ops view: the holder name compared with the legal name (read from the sellers' directory); a mismatch is a review reason. */
  private async reviewView(b: BankAccountEntity): Promise<BankAccountView> {
    const legalName = await this.sellers.legalName(b.sellerId);
    const result = compareHolderName(b.holderName, legalName);
    return { ...BankAccountsService.view(b, true), holderNameCheck: { legalName, result }, reviewReasons: result === 'match' ? [] : ['HOLDER_NAME_MISMATCH'] };
  }

  static view(b: BankAccountEntity, withSeller = false): BankAccountView {
    return {
      ...(withSeller ? { sellerId: b.sellerId } : {}),
      country: b.country,
      holderName: b.holderName,
      numberMasked: b.numberMasked,
      currency: b.currency,
      status: b.status,
      rejectionReason: b.rejectionReason,
      submittedAt: b.submittedAt.toISOString(),
      reviewedAt: b.reviewedAt?.toISOString() ?? null,
    };
  }

  async forSeller(sellerId: string): Promise<BankAccountEntity | null> {
    return this.uow.reader.findOne(BankAccountEntity, { where: { sellerId } });
  }

  async submit(ctx: RequestContext, input: BankAccountInput): Promise<BankAccountView> {
    const seller = callerSeller(ctx);
    // bank details may come first: the country's rail decides, a separate "start" is never needed
    const { document, choice } = await this.payouts.railFor(seller.country);
    if (!choice.available) throw railUnavailable(seller.country, choice);
    if (choice.rail !== 'bank_transfer') {
      throw paymentError(PaymentErrorCode.WRONG_RAIL, { rail: { t: `payouts.rail.${choice.rail}` } }, [
        { field: 'rail', code: 'START_ONBOARDING', messageKey: 'payouts.next.start_onboarding' },
      ]);
    }
    let payout = await this.uow.reader.findOne(PayoutAccountEntity, { where: { sellerId: seller.id } });
    if (payout && payout.rail !== 'bank_transfer') payout = await this.payouts.followRail(seller.id, 'bank_transfer');

    const problems: ErrorDetail[] = [];
    const detail = (field: string, code: string, messageKey: string, params: ErrorDetail['params'] = {}) =>
      problems.push({ field, code, messageKey, params: { field, ...params } });
    const holderName = typeof input.holderName === 'string' ? input.holderName.trim().normalize('NFC') : '';
    if (holderName.length < 2) detail('holderName', 'REQUIRED', 'country.check.REQUIRED');
    const currency = (input.currency ?? payout?.currency ?? document.currencies.payout[0]).toUpperCase();
    if (!document.currencies.payout.includes(currency)) {
      detail('currency', 'CURRENCY_NOT_ALLOWED', 'country.check.NOT_ALLOWED', { allowed: document.currencies.payout.join(', ') });
    }

    let number = '';
    const bank = document.bank;
    if (bank.type === 'iban') {
      if (!input.iban) detail('iban', 'REQUIRED', 'country.check.REQUIRED');
      else {
        const result = validateIdentifier('iban', input.iban);
        if (!result.valid) detail('iban', result.code, `country.check.${result.code}`, { label: 'IBAN' });
        else if (!result.normalized.startsWith(bank.ibanCountry)) detail('iban', 'BANK_COUNTRY_NOT_ALLOWED', 'country.check.WRONG_PREFIX', { prefix: bank.ibanCountry });
        else number = result.normalized;
      }
    } else if (bank.type === 'ru_account') {
      if (!input.bik || !input.account) detail(input.bik ? 'account' : 'bik', 'REQUIRED', 'country.check.REQUIRED');
      else {
        const result = validateIdentifier('ru.bank_account', `${input.bik}/${input.account}`);
        if (!result.valid) detail('account', result.code, `country.check.${result.code}`, { label: 'Расчётный счёт / БИК' });
        else number = result.normalized;
      }
    } else {
      detail('iban', 'NOT_SUPPORTED', 'country.check.NOT_ALLOWED', { allowed: bank.type });
    }
    if (problems.length || !number) throw paymentError(PaymentErrorCode.BANK_ACCOUNT_INVALID, {}, problems);
    if (!payout) await this.payouts.start(ctx, { currency });

    return this.uow.run(async (tx) => {
      const account = await tx.findOneOrFail(PayoutAccountEntity, { where: { sellerId: seller.id }, lock: { mode: 'pessimistic_write' } });
      const row = Object.assign(new BankAccountEntity(), {
        sellerId: seller.id,
        country: seller.country,
        kind: bank.type,
        holderName,
        currency,
        numberEncrypted: this.cipher.encrypt(number, `bank-account:${seller.id}`),
        numberMasked: mask(bank.type, number),
        status: 'pending_review' as const,
        rejectionReason: null,
        submittedAt: this.clock.now(),
        reviewedBy: null,
        reviewedAt: null,
      });
      await tx.save(BankAccountEntity, row);
      await tx.update(PayoutAccountEntity, { sellerId: seller.id }, { currency });
      await this.payouts.applySnapshot(tx, account, bankSnapshot(seller.country, { pendingVerification: ['external_account'] }), 0);
      return BankAccountsService.view(row);
    });
  }

  async list(status: BankAccountStatus | undefined, limit: number): Promise<BankAccountView[]> {
    const rows = await this.uow.reader.find(BankAccountEntity, {
      where: status ? { status } : {},
      order: { submittedAt: 'ASC' },
      take: limit,
    });
    const out: BankAccountView[] = [];
    for (const r of rows) out.push(await this.reviewView(r));
    return out;
  }

  private async pending(tx: Tx, sellerId: string) {
    const row = await tx.findOne(BankAccountEntity, { where: { sellerId }, lock: { mode: 'pessimistic_write' } });
    if (!row) throw paymentError(PaymentErrorCode.BANK_ACCOUNT_NOT_FOUND);
    if (row.status !== 'pending_review') throw paymentError(PaymentErrorCode.BANK_ACCOUNT_NOT_PENDING, { status: row.status });
    const account = await tx.findOneOrFail(PayoutAccountEntity, { where: { sellerId }, lock: { mode: 'pessimistic_write' } });
    return { row, account };
  }

  async verify(ctx: RequestContext, sellerId: string): Promise<BankAccountView> {
    return this.uow.run(async (tx) => {
      const { row, account } = await this.pending(tx, sellerId);
      const reviewed = { status: 'verified' as const, reviewedBy: ctx.actor?.accountId ?? null, reviewedAt: this.clock.now(), rejectionReason: null };
      await tx.update(BankAccountEntity, { sellerId }, reviewed);
      await this.payouts.applySnapshot(tx, account, bankSnapshot(row.country, {}, true), 0);
      const view = await this.reviewView(Object.assign(new BankAccountEntity(), row, reviewed));
      // verifying despite a holder-name mismatch is a reviewer's decision, and the audit says so
      await this.audit.record(tx, ctx, { action: 'payouts.bank_account_verified', targetType: 'seller', targetId: sellerId, changes: { masked: row.numberMasked, holderName: view.holderNameCheck!.result } });
      return view;
    });
  }

  async reject(ctx: RequestContext, sellerId: string, reason: RejectionReason, note?: string): Promise<BankAccountView> {
    return this.uow.run(async (tx) => {
      const { row, account } = await this.pending(tx, sellerId);
      const reviewed = { status: 'rejected' as const, reviewedBy: ctx.actor?.accountId ?? null, reviewedAt: this.clock.now(), rejectionReason: reason };
      await tx.update(BankAccountEntity, { sellerId }, reviewed);
      await this.payouts.applySnapshot(
        tx,
        account,
        bankSnapshot(row.country, { currentlyDue: ['external_account'], errors: [{ requirement: 'external_account', code: `bank_account_${reason}` }] }),
        0,
      );
      // the internal note stays in the audit log; the seller sees only the reason code, translated
      await this.audit.record(tx, ctx, { action: 'payouts.bank_account_rejected', targetType: 'seller', targetId: sellerId, changes: { reason, ...(note ? { note } : {}) } });
      return this.reviewView(Object.assign(new BankAccountEntity(), row, reviewed));
    });
  }

  /** The full number, for ops checking it against the seller's bank letter. Every reveal is audited. */
  async reveal(ctx: RequestContext, sellerId: string): Promise<{ sellerId: string; number: string; holderName: string }> {
    return this.uow.run(async (tx) => {
      const row = await tx.findOne(BankAccountEntity, { where: { sellerId } });
      if (!row) throw paymentError(PaymentErrorCode.BANK_ACCOUNT_NOT_FOUND);
      await this.audit.record(tx, ctx, { action: 'payouts.bank_account_revealed', targetType: 'seller', targetId: sellerId });
      return { sellerId, number: this.cipher.decryptText(row.numberEncrypted, `bank-account:${sellerId}`), holderName: row.holderName };
    });
  }
}
