import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, currencyExponent, fromMinorUnits, MoneyError, toMinorUnits } from '@app/kernel';
import type { Clock, ErrorDetail, MessageParam, RequestContext } from '@app/kernel';
import { UnitOfWork } from '@app/persistence';
import type { Reader } from '@app/persistence';
import { catalogError, CatalogErrorCode } from '../errors';
import { MarketsService } from '../markets/markets.service';
import { checkProblem } from '../products/checks';
import { ProductsService } from '../products/products.service';
import { ReadinessTrigger } from '../readiness/trigger';
import { PriceOverrideEntity } from './market-price.entity';
import type { PutFixedPricesDto, ProductPricesView } from './dto';
import { PricesService } from './prices.service';
import { floorInTarget } from '../pricing/pipeline';
import type { FxInput } from '../pricing/pipeline';

const problem = (field: string, code: string, params: Record<string, MessageParam> = {}): ErrorDetail => ({ field, code, messageKey: `catalog.price.${code}`, params: { field, ...params } });

/**
 * A seller's fixed prices per market (scenario 9; scenario 38: only in the market's currency). Seller
 * data, not audited. A change re-prices the product there and re-evaluates its stored readiness (a
 * fixed price stands without an FX rate).
 */
@Injectable()
export class FixedPricesService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly products: ProductsService,
    private readonly markets: MarketsService,
    private readonly prices: PricesService,
    private readonly readiness: ReadinessTrigger,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async get(ctx: RequestContext, productId: string, marketCode: string): Promise<ProductPricesView> {
    const { product } = await this.products.owned(ctx, productId, this.uow.reader);
    await this.markets.published(marketCode, this.uow.reader);
    return this.view(this.uow.reader, ctx, product.id, marketCode);
  }

  async put(ctx: RequestContext, productId: string, marketCode: string, body: PutFixedPricesDto): Promise<ProductPricesView> {
    return this.uow.run(async (tx) => {
      const { product, variants } = await this.products.owned(ctx, productId, tx, true);
      const market = await this.markets.published(marketCode, tx);
      const currency = body.currency.toUpperCase();
      const expected = market.document.currency;
      if (currency !== expected) throw catalogError(CatalogErrorCode.CURRENCY_NOT_ENABLED_FOR_MARKET, { market: market.code, expected, currency: body.currency.slice(0, 3) });
      const bySku = new Map(variants.map((v) => [v.sku, v]));
      const problems: ErrorDetail[] = [];
      const seen = new Set<string>();
      const rows: PriceOverrideEntity[] = [];
      const now = this.clock.now();
      body.variants.forEach((item, i) => {
        const at = `variants[${i}]`;
        const variant = bySku.get(item.sku);
        if (!variant) return problems.push(problem(`${at}.sku`, 'UNKNOWN_SKU', { sku: item.sku.slice(0, 64) }));
        if (seen.has(item.sku)) return problems.push(problem(`${at}.sku`, 'DUPLICATE_SKU', { sku: item.sku.slice(0, 64) }));
        seen.add(item.sku);
        if ((item.amount === undefined) === (item.amountMinor === undefined)) return problems.push(problem(at, 'AMOUNT_ONE_OF', {}));
        let minor: bigint;
        if (item.amountMinor !== undefined) {
          if (!/^\d{1,18}$/.test(item.amountMinor)) return problems.push(problem(`${at}.amountMinor`, 'INVALID_AMOUNT', {}));
          minor = BigInt(item.amountMinor);
        } else {
          try {
            minor = toMinorUnits(item.amount!, currency);
          } catch (e) {
            if (!(e instanceof MoneyError)) throw e;
            if (e.code === 'PRICE_PRECISION_EXCEEDED') {
              throw catalogError(CatalogErrorCode.PRICE_PRECISION_EXCEEDED, { currency, amount: item.amount!.slice(0, 40), decimals: currencyExponent(currency) }, [
                checkProblem(`${at}.amount`, 'PRICE_PRECISION_EXCEEDED', { currency, amount: item.amount!.slice(0, 40), decimals: currencyExponent(currency) }),
              ]);
            }
            return problems.push(problem(`${at}.amount`, 'INVALID_AMOUNT', {}));
          }
        }
        if (minor <= 0n) return problems.push(problem(`${at}.${item.amountMinor !== undefined ? 'amountMinor' : 'amount'}`, 'INVALID_AMOUNT', {}));
        let compareAt: bigint | null = null;
        if (item.compareAt !== undefined) {
          try {
            compareAt = toMinorUnits(item.compareAt, currency);
          } catch (e) {
            if (!(e instanceof MoneyError)) throw e;
            return problems.push(problem(`${at}.compareAt`, 'INVALID_AMOUNT', {}));
          }
          // research §2.5: compare-at must be above the price, or there is no reduction to show
          if (compareAt <= minor) return problems.push(problem(`${at}.compareAt`, 'COMPARE_AT_NOT_ABOVE', { compareAt: fromMinorUnits(compareAt, currency), amount: fromMinorUnits(minor, currency), currency }));
        }
        rows.push({ variantId: variant.id, marketCode: market.code, productId: product.id, amountMinor: minor.toString(), currency, compareAtMinor: compareAt === null ? null : compareAt.toString(), setAt: now });
      });
      if (problems.length) throw catalogError(CatalogErrorCode.PRICE_OVERRIDE_INVALID, {}, problems);
      // the seller's floor (research §2.5): a fixed price below it, converted with the market's own rate, is refused
      const byId = new Map(variants.map((v) => [v.id, v]));
      const fxCache = this.prices.newFxCache(tx);
      const below: ErrorDetail[] = [];
      for (const [i, row] of rows.entries()) {
        const v = byId.get(row.variantId)!;
        if (!v.floorMinor) continue;
        let fx: FxInput | undefined;
        if (v.currency !== currency) {
          const lookup = await fxCache.get(market.document.fx.source, v.currency, currency);
          if ('issue' in lookup) continue; // no rate: the stored price is checked once there is one
          fx = lookup.fx;
        }
        const tax = market.document.taxDisplay;
        const floor = floorInTarget({ floorMinor: BigInt(v.floorMinor), source: { amountMinor: BigInt(v.priceMinor), currency: v.currency }, targetCurrency: currency, tax: tax.mode === 'gross' ? { mode: 'gross', vatRate: tax.vatRate } : { mode: 'net' }, fx });
        if (floor !== null && BigInt(row.amountMinor) < floor) {
          below.push(problem(`variants[${i}].amount`, 'PRICE_BELOW_FLOOR', { amount: fromMinorUnits(row.amountMinor, currency), floor: fromMinorUnits(floor, currency), currency, sku: v.sku }));
        }
      }
      if (below.length) throw catalogError(CatalogErrorCode.PRICE_BELOW_FLOOR, { amount: below[0].params!.amount as string, floor: below[0].params!.floor as string, currency, sku: below[0].params!.sku as string }, below);
      await tx.upsert(PriceOverrideEntity, rows as never[], ['variantId', 'marketCode']);
      await this.prices.repriceProduct(tx, product.id, [market.code]);
      // a fixed price needs no rate: stored readiness follows (the outbox event in this transaction)
      await this.readiness.productsChanged(tx, product.sellerId, [product.id]);
      return this.view(tx, ctx, product.id, market.code);
    });
  }

  async remove(ctx: RequestContext, productId: string, marketCode: string): Promise<ProductPricesView> {
    return this.uow.run(async (tx) => {
      const { product } = await this.products.owned(ctx, productId, tx, true);
      const market = await this.markets.published(marketCode, tx);
      await tx.delete(PriceOverrideEntity, { productId: product.id, marketCode: market.code });
      await this.prices.repriceProduct(tx, product.id, [market.code]);
      await this.readiness.productsChanged(tx, product.sellerId, [product.id]);
      return this.view(tx, ctx, product.id, market.code);
    });
  }

  private async view(tx: Reader, ctx: RequestContext, productId: string, marketCode: string): Promise<ProductPricesView> {
    const market = await this.markets.published(marketCode, tx);
    const { variants } = await this.products.owned(ctx, productId, tx);
    const fixed = new Map((await tx.find(PriceOverrideEntity, { where: { productId, marketCode } })).map((o) => [o.variantId, o]));
    const displayLocale = market.document.displayLocales[0];
    const prices = await this.prices.forListing(tx, market, productId, variants, ctx.locale, displayLocale);
    return {
      productId,
      market: market.code,
      currency: market.document.currency,
      variants: variants.map((v) => {
        const f = fixed.get(v.id);
        return {
          variantId: v.id,
          sku: v.sku,
          fixed: f
            ? { amountMinor: f.amountMinor, amount: fromMinorUnits(f.amountMinor, f.currency), currency: f.currency, compareAt: f.compareAtMinor === null ? null : fromMinorUnits(f.compareAtMinor, f.currency) }
            : null,
          price: prices.get(v.id)!,
        };
      }),
    };
  }
}
