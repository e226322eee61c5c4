import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AccessTokens, AccountsService } from '@app/accounts';
import { CountryRulesService } from '@app/countries';
import { RequestContext, Role } from '@app/kernel';
import { UnitOfWork } from '@app/persistence';
import { SellerView, SignupDto, SignupView } from './dto';
import { sellerError, SellerErrorCode } from './errors';
import { SellerEntity } from './seller.entity';

@Injectable()
export class SellersService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly accounts: AccountsService,
    private readonly tokens: AccessTokens,
    private readonly countries: CountryRulesService,
  ) {}

  /** Account, seller and first session in one transaction: all or nothing. */
  async signup(ctx: RequestContext, input: SignupDto): Promise<SignupView> {
    return this.uow.run(async (tx) => {
      // sellers may only come from countries whose rules are published and enabled
      const { document } = await this.countries.openForSellers(input.country, tx);
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
      return { seller: SellerView.of({ ...saved, account }), session };
    });
  }

  async getForAccount(ctx: RequestContext): Promise<SellerView> {
    const seller = await this.uow.reader.findOne(SellerEntity, {
      where: { accountId: ctx.actor?.accountId },
      relations: { account: true },
    });
    if (!seller?.account) throw sellerError(SellerErrorCode.SELLER_NOT_FOUND);
    return SellerView.of(seller as SellerEntity & { account: NonNullable<SellerEntity['account']> });
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
