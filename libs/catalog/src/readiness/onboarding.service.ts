import { Inject, Injectable } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsString, Matches } from 'class-validator';
import { In } from 'typeorm';
import { AuditService } from '@app/audit';
import { Outbox } from '@app/jobs';
import { CLOCK } from '@app/kernel';
import type { Clock, ErrorDetail, RequestContext } from '@app/kernel';
import { UnitOfWork } from '@app/persistence';
import { ReadinessService } from '../compliance/readiness.service';
import { businessGate, payoutsGate, SELLER_GATES, verificationGate } from '../compliance/seller-gates';
import type { SellerGates } from '../compliance/seller-gates';
import type { Issue } from '../compliance/evaluate';
import { catalogError, CatalogErrorCode } from '../errors';
import { MarketsService } from '../markets/markets.service';
import { ProductsService } from '../products/products.service';
import { SellerMarketEntity } from './readiness.entity';
import { SellerMarketsChangedEvent } from '../events';

export class SellerMarketsDto {
  @ApiProperty({ type: [String], example: ['IT', 'ES', 'GB'], description: 'Every market the seller wants to sell in (replaces the previous choice; [] opts out of all)' })
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Matches(/^[A-Za-z][A-Za-z0-9_]{1,15}$/, { each: true })
  markets: string[];
}

export class SellerMarketView {
  @ApiProperty({ example: 'IT' }) market: string;
  @ApiProperty({ example: 'İtalya', description: "In the caller's language" }) name: string;
  @ApiProperty() chosenAt: string;
  @ApiProperty({ nullable: true, type: String, description: 'Since when the seller has a ready listing there with every seller gate green' }) liveSince: string | null;
}

export class SellerMarketsView {
  @ApiProperty({ type: [SellerMarketView] }) markets: SellerMarketView[];
}

export class ReadinessCountsView {
  @ApiProperty() READY: number;
  @ApiProperty() READY_WITH_WARNINGS: number;
  @ApiProperty() BLOCKED: number;
}

export class BlockingCodeView {
  @ApiProperty({ example: 'GPSR_EU_RP_MISSING' }) code: string;
  @ApiProperty({ example: 3, description: 'Listings (variants) it blocks' }) count: number;
  @ApiProperty({ description: "The issue as one of those listings has it, in the caller's language" }) message: string;
}

export class ListingsStepView {
  @ApiProperty({ type: ReadinessCountsView, description: 'Stored readiness of the seller’s variants in this market, by status' }) counts: ReadinessCountsView;
  @ApiProperty({ type: [BlockingCodeView], description: 'The most frequent blocking issues of the products (seller gates are the other steps), at most 5' })
  topBlockingCodes: BlockingCodeView[];
}

export type StepName = 'BUSINESS_PROFILE' | 'KYC' | 'PAYOUTS' | 'LISTINGS';
export type StepStatus = 'DONE' | 'ACTION_REQUIRED' | 'WAITING' | 'BLOCKED';

export class OnboardingStepView {
  @ApiProperty({ enum: ['BUSINESS_PROFILE', 'KYC', 'PAYOUTS', 'LISTINGS'] }) step: StepName;
  @ApiProperty({ enum: ['DONE', 'ACTION_REQUIRED', 'WAITING', 'BLOCKED'], description: 'WAITING: nothing for the seller to do now' }) status: StepStatus;
  @ApiProperty({ nullable: true, type: String, example: 'SELLER_KYC_REQUIRED', description: 'The gate code (as in readiness issues), null when done' }) code: string | null;
  @ApiProperty({ nullable: true, type: String, description: "What to do next, in the caller's language; null when done" }) nextAction: string | null;
  @ApiProperty({ type: ListingsStepView, required: false, description: 'LISTINGS only' }) listings?: ListingsStepView;
}

export class OnboardingNextActionView {
  @ApiProperty({ enum: ['BUSINESS_PROFILE', 'KYC', 'PAYOUTS', 'LISTINGS'] }) step: StepName;
  @ApiProperty() message: string;
}

export class OnboardingMarketView {
  @ApiProperty({ example: 'IT' }) market: string;
  @ApiProperty({ example: 'İtalya' }) name: string;
  @ApiProperty({ enum: ['LIVE', 'NOT_READY'], description: 'LIVE: every step done (at least one ready listing and every seller gate green)' }) status: 'LIVE' | 'NOT_READY';
  @ApiProperty({ nullable: true, type: String }) liveSince: string | null;
  @ApiProperty({ type: OnboardingNextActionView, nullable: true, description: 'The first step not done; null when live' }) nextAction: OnboardingNextActionView | null;
  @ApiProperty({ type: [OnboardingStepView] }) steps: OnboardingStepView[];
}

export class OnboardingView {
  @ApiProperty({ example: 'tr', description: 'The language the messages are in' }) language: string;
  @ApiProperty({ type: [OnboardingMarketView], description: 'One go-live checklist per market the seller chose (PUT /v1/sellers/me/markets)' }) markets: OnboardingMarketView[];
}

/**
 * The seller's target markets and the one go-live checklist per market: business profile, KYC and
 * payouts (through the SELLER_GATES port, so only neutral states: a verification in review and a
 * suspended one read the same) and listings (stored readiness, kept current by the worker).
 */
@Injectable()
export class OnboardingService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
    private readonly outbox: Outbox,
    private readonly markets: MarketsService,
    private readonly products: ProductsService,
    private readonly readiness: ReadinessService,
    @Inject(SELLER_GATES) private readonly gates: SellerGates,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async chosenMarkets(ctx: RequestContext): Promise<SellerMarketsView> {
    const seller = this.products.sellerOf(ctx);
    const rows = await this.uow.reader.find(SellerMarketEntity, { where: { sellerId: seller.id }, order: { market: 'ASC' } });
    const names = new Map((await this.markets.listPublished()).map((m) => [m.code, m.document.name[ctx.locale]]));
    return { markets: rows.map((r) => ({ market: r.market, name: names.get(r.market) ?? r.market, chosenAt: r.chosenAt.toISOString(), liveSince: r.liveSince?.toISOString() ?? null })) };
  }

  /** Replaces the seller's target markets: only published, enabled markets (422 naming every other one). Audited; an outbox event when it changes. */
  async choose(ctx: RequestContext, body: SellerMarketsDto): Promise<SellerMarketsView> {
    const seller = this.products.sellerOf(ctx);
    const codes = [...new Set(body.markets.map((m) => m.toUpperCase()))];
    const open = new Set((await this.markets.listPublished()).filter((m) => m.status === 'enabled').map((m) => m.code));
    const problems: ErrorDetail[] = body.markets
      .map((m, i) => ({ m, i }))
      .filter(({ m }) => !open.has(m.toUpperCase()))
      .map(({ m, i }) => ({ field: `markets[${i}]`, code: 'MARKET_NOT_AVAILABLE', messageKey: 'onboarding.market.NOT_AVAILABLE', params: { field: `markets[${i}]`, market: m } }));
    if (problems.length) throw catalogError(CatalogErrorCode.MARKET_NOT_AVAILABLE, { market: String(problems[0].params!.market) }, problems);
    await this.uow.run(async (tx) => {
      const current = await tx.find(SellerMarketEntity, { where: { sellerId: seller.id }, lock: { mode: 'pessimistic_write' } });
      const had = new Set(current.map((c) => c.market));
      const added = codes.filter((c) => !had.has(c));
      const removed = [...had].filter((c) => !codes.includes(c)).sort();
      if (!added.length && !removed.length) return;
      if (removed.length) await tx.delete(SellerMarketEntity, { sellerId: seller.id, market: In(removed) });
      const now = this.clock.now();
      for (const market of added) await tx.insert(SellerMarketEntity, { sellerId: seller.id, market, chosenAt: now, liveSince: null });
      await this.audit.record(tx, ctx, { action: 'seller.markets_chosen', targetType: 'seller', targetId: seller.id, changes: { added, removed } });
      await this.outbox.add(tx, SellerMarketsChangedEvent, seller.id, { sellerId: seller.id, markets: codes, added, removed });
    });
    return this.chosenMarkets(ctx);
  }

  async onboarding(ctx: RequestContext): Promise<OnboardingView> {
    const seller = this.products.sellerOf(ctx);
    const chosen = await this.uow.reader.find(SellerMarketEntity, { where: { sellerId: seller.id }, order: { market: 'ASC' } });
    const facts = await this.gates.facts(seller.id, this.uow.reader);
    const names = new Map((await this.markets.listPublished()).map((m) => [m.code, m.document.name[ctx.locale]]));
    const counts: { market: string; status: string; n: string }[] = await this.uow.reader.query(
      'SELECT market, status, count(*) AS n FROM catalog_listing_readiness WHERE seller_id = $1 GROUP BY market, status',
      [seller.id],
    );
    // the listings each blocking code holds back (the seller's gates are steps of their own), from the rows' small
    // blocking_codes column; each code's example issue (its message) from the first such listing, read by its key
    const top: { market: string; code: string; n: string; example: Issue }[] = await this.uow.reader.query(
      `WITH top AS (
         SELECT market, code, n, first, rank FROM (
           SELECT r.market, c.code, count(*) AS n, min(r.variant_id::text) AS first,
                  row_number() OVER (PARTITION BY r.market ORDER BY count(*) DESC, c.code) AS rank
             FROM catalog_listing_readiness r CROSS JOIN LATERAL unnest(r.blocking_codes) AS c(code)
            WHERE r.seller_id = $1 AND r.status = 'BLOCKED'
            GROUP BY r.market, c.code) t
          WHERE rank <= 5)
       SELECT top.market, top.code, top.n,
              (SELECT i FROM catalog_listing_readiness e CROSS JOIN LATERAL jsonb_array_elements(e.issues) i
                WHERE e.variant_id = top.first::uuid AND e.market = top.market AND i->>'code' = top.code LIMIT 1) AS example
         FROM top ORDER BY top.market, top.rank`,
      [seller.id],
    );
    const render = (i: Issue) => this.readiness.renderIssue(ctx.locale, i).message;
    const t = (key: string, params: Record<string, string | number> = {}) => this.readiness.message(ctx.locale, key, params);
    const markets = chosen.map((c): OnboardingMarketView => {
      const name = names.get(c.market) ?? c.market;
      const n = (status: string) => Number(counts.find((r) => r.market === c.market && r.status === status)?.n ?? 0);
      const listingCounts = { READY: n('READY'), READY_WITH_WARNINGS: n('READY_WITH_WARNINGS'), BLOCKED: n('BLOCKED') };
      const readyCount = listingCounts.READY + listingCounts.READY_WITH_WARNINGS;
      const total = readyCount + listingCounts.BLOCKED;
      const steps: OnboardingStepView[] = [
        gateStep('BUSINESS_PROFILE', businessGate(facts), render),
        gateStep('KYC', verificationGate(facts), render),
        gateStep('PAYOUTS', payoutsGate(facts), render),
        {
          step: 'LISTINGS',
          status: readyCount ? 'DONE' : 'ACTION_REQUIRED',
          code: readyCount ? null : total ? 'LISTINGS_BLOCKED' : 'NO_LISTINGS',
          nextAction: readyCount ? null : total ? t('onboarding.listings.BLOCKED', { count: listingCounts.BLOCKED, market: name }) : t('onboarding.listings.NONE', { market: name }),
          listings: {
            counts: listingCounts,
            topBlockingCodes: top.filter((r) => r.market === c.market).map((r) => ({ code: r.code, count: Number(r.n), message: render(r.example) })),
          },
        },
      ];
      const first = steps.find((s) => s.status !== 'DONE');
      return {
        market: c.market,
        name,
        status: first ? 'NOT_READY' : 'LIVE',
        liveSince: c.liveSince?.toISOString() ?? null,
        nextAction: first ? { step: first.step, message: first.nextAction ?? '' } : null,
        steps,
      };
    });
    return { language: ctx.locale, markets };
  }
}

function gateStep(step: StepName, gate: Issue | null, render: (i: Issue) => string): OnboardingStepView {
  if (!gate) return { step, status: 'DONE', code: null, nextAction: null };
  let status: StepStatus = 'ACTION_REQUIRED';
  if (gate.code === 'SELLER_VERIFICATION_PENDING' || gate.code === 'SELLER_PAYOUTS_PENDING') status = 'WAITING';
  if (gate.code === 'SELLER_KYC_REJECTED' || gate.code === 'SELLER_PAYOUTS_UNAVAILABLE') status = 'BLOCKED';
  return { step, status, code: gate.code, nextAction: render(gate) };
}
