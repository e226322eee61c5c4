import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AccessTokens, AccountsService } from '@app/accounts';
import { CountryRulesService, countryName } from '@app/countries';
import type { SellerType } from '@app/countries';
import { RequestContext, Role, Translator } from '@app/kernel';
import type { Locale } from '@app/kernel';
import { Tx, UnitOfWork } from '@app/persistence';
import { EligibilityView, SellerView, SignupDto, SignupView } from './dto';
import { eligibility } from './eligibility';
import { SellerErasure } from './erasure';
import { sellerError, SellerErrorCode } from './errors';
import { SellerEntity, SellerStatus } from './seller.entity';

@Injectable()
export class SellersService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly accounts: AccountsService,
    private readonly tokens: AccessTokens,
    private readonly countries: CountryRulesService,
    private readonly translator: Translator,
    private readonly erasure: SellerErasure,
  ) {}

  /** Before an account exists: can a seller of this kind (or legal form) register in the country at all? */
  async eligibility(ctx: RequestContext, input: { country: string; sellerType?: SellerType; legalForm?: string }): Promise<EligibilityView> {
    const { document } = await this.countries.openForSellers(input.country, this.uow.reader);
    const e = eligibility(document, input);
    return {
      country: input.country,
      eligible: e.eligible,
      legalForms: e.legalForms.map((f) => ({ code: f.code, label: String(this.translator.param(ctx.locale, f.label)), sellerType: f.sellerType, eligible: f.eligible })),
      ...(e.reason ? { reason: { code: e.reason.code, message: String(this.translator.param(ctx.locale, e.reason.message)) } } : {}),
    };
  }

  /** Account, seller and first session in one transaction: all or nothing. */
  async signup(ctx: RequestContext, input: SignupDto): Promise<SignupView> {
    return this.uow.run(async (tx) => {
      // sellers may only come from countries whose rules are published and enabled
      const { document } = await this.countries.openForSellers(input.country, tx);
      if (input.sellerType || input.legalForm) {
        const e = eligibility(document, input);
        if (!e.eligible && e.reason) {
          throw sellerError(SellerErrorCode.NOT_ELIGIBLE, { country: countryName(input.country), reason: e.reason.message }, [
            { field: input.legalForm ? 'legalForm' : 'sellerType', code: e.reason.code, messageKey: 'seller.eligibility.detail', params: { reason: e.reason.message } },
          ]);
        }
      }
      const account = await this.accounts.create(tx, {
        email: input.email,
        password: input.password,
        role: Role.SELLER,
        // the language asked for (body, ?lang, Accept-Language), else the country's first seller language
        locale: input.locale ?? (ctx.localeExplicit ? ctx.locale : document.sellerLocales[0]),
      });
      const seller = Object.assign(new SellerEntity(), {
        id: randomUUID(),
        accountId: account.id,
        country: input.country,
        status: 'onboarding' as const,
      });
      await tx.insert(SellerEntity, seller);
      const saved = await tx.findOneOrFail(SellerEntity, { where: { id: seller.id } });
      const session = await this.tokens.issue(tx, account.id);
      const view = SellerView.of({ ...saved, account });
      // in the language the account was created with (what the account's later reads default to)
      return { seller: Object.assign(view, { statusMessage: this.translator.t(account.locale, `seller.status.${view.status}`) }), session };
    });
  }

  async getForAccount(ctx: RequestContext): Promise<SellerView> {
    // one prepared statement (TypeORM's findOne with a relation sends two: a DISTINCT id query, then the join)
    const [row] = await this.uow.preparedRead<{ id: string; account_id: string; country: string; status: SellerStatus; created_at: Date; email: string; locale: Locale }>(
      'sellers.me',
      `SELECT s.id, s.account_id, s.country, s.status, s.created_at, a.email, a.locale
         FROM sellers s JOIN accounts a ON a.id = s.account_id WHERE s.account_id = $1`,
      [ctx.actor?.accountId],
    );
    if (!row) throw sellerError(SellerErrorCode.SELLER_NOT_FOUND);
    const view = SellerView.of(
      Object.assign(new SellerEntity(), { id: row.id, accountId: row.account_id, country: row.country, status: row.status, createdAt: row.created_at, account: { email: row.email, locale: row.locale } }),
    );
    return Object.assign(view, { statusMessage: this.translator.t(ctx.locale, `seller.status.${view.status}`) });
  }

  /**
   * The seller's overall status follows whether they can sell (decided by the contexts that know:
   * payments reads KYC and the payout rail). `active` when able; an active seller who stops being
   * able reads `suspended`; one who never was stays `onboarding`. Returns the change, if any.
   */
  async followSellingAbility(tx: Tx, sellerId: string, able: boolean): Promise<{ from: SellerStatus; to: SellerStatus } | null> {
    const seller = await tx.findOne(SellerEntity, { where: { id: sellerId }, lock: { mode: 'pessimistic_write' } });
    if (!seller) return null;
    const to: SellerStatus = able ? 'active' : seller.status === 'onboarding' ? 'onboarding' : 'suspended';
    if (to === seller.status) return null;
    await tx.update(SellerEntity, { id: sellerId }, { status: to });
    return { from: seller.status, to };
  }

  /**
   * Deletes the caller's seller account, confirmed by the password: refused (409) once a
   * verification was submitted (its records must be kept; support closes such accounts).
   * Everything else goes in one transaction — the business profile, open KYC drafts, payout
   * setup, catalog, the account with its email and sessions — and the audit log keeps only ids.
   */
  async deleteOwnAccount(ctx: RequestContext, password: string): Promise<void> {
    const accountId = ctx.actor?.accountId;
    const sellerId = ctx.actor?.seller?.id;
    if (!accountId || !sellerId) throw sellerError(SellerErrorCode.SELLER_NOT_FOUND);
    if (!(await this.accounts.passwordMatches(accountId, password))) throw sellerError(SellerErrorCode.PASSWORD_INCORRECT);
    const after = await this.uow.run(async (tx) => {
      const seller = await tx.findOne(SellerEntity, { where: { id: sellerId }, lock: { mode: 'pessimistic_write' } });
      if (!seller) throw sellerError(SellerErrorCode.SELLER_NOT_FOUND);
      for (const p of this.erasure.all()) {
        const refusal = await p.refuse(tx, sellerId);
        if (refusal) throw sellerError(SellerErrorCode.HAS_KYC_HISTORY, {}, [{ field: 'account', code: refusal, messageKey: 'error.SELLER_HAS_KYC_HISTORY' }]);
      }
      const later: (() => Promise<void>)[] = [];
      for (const p of this.erasure.all()) {
        const done = await p.erase(tx, sellerId);
        if (done) later.push(done);
      }
      await tx.delete(SellerEntity, { id: sellerId }); // profile, identifiers and catalog cascade
      await this.accounts.erase(tx, ctx, accountId, { sellerId, country: seller.country });
      return later;
    });
    for (const work of after) await work();
  }

  async list(filter: { country?: string; limit: number; offset: number; reverification?: boolean }): Promise<SellerView[]> {
    const qb = this.uow.reader.createQueryBuilder(SellerEntity, 's').innerJoinAndSelect('s.account', 'account');
    if (filter.country) qb.andWhere('s.country = :country', { country: filter.country });
    if (filter.reverification !== undefined) {
      const flagged = 'EXISTS (SELECT 1 FROM seller_business_profiles p WHERE p.seller_id = s.id AND p.reverification_required)';
      qb.andWhere(filter.reverification ? flagged : `NOT ${flagged}`);
    }
    const rows = await qb.orderBy('s.createdAt', 'DESC').addOrderBy('s.id', 'ASC').take(filter.limit).skip(filter.offset).getMany();
    return rows.map((s) => SellerView.of(s as SellerEntity & { account: NonNullable<SellerEntity['account']> }));
  }
}
