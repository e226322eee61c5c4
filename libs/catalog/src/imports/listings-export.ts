import { Injectable } from '@nestjs/common';
import type { Readable } from 'node:stream';
import type { RequestContext } from '@app/kernel';
import { UnitOfWork } from '@app/persistence';
import { callerSeller } from '@app/sellers';
import { ListingsService } from '../listings/listings.service';
import { MarketsService } from '../markets/markets.service';
import { safeCsv } from './imports.service';

export const LISTING_EXPORT_COLUMNS = [
  'product_id', 'sku', 'source_title', 'title', 'title_locale', 'title_state', 'price', 'currency', 'price_outcome', 'readiness', 'blockers', 'warnings',
] as const;

/**
 * The seller's listings in one market as CSV, one line per variant, streamed a page of 100 products at a time
 * (the same view as GET …/products/{id}/listings/{market}, read in one batch per page): the source title and the title in the market's language, the
 * market price, readiness and the codes of what blocks it. Cells are formula-safe.
 */
@Injectable()
export class ListingsExportService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly markets: MarketsService,
    private readonly listings: ListingsService,
  ) {}

  async csv(ctx: RequestContext, marketCode: string, delimiter: ',' | ';'): Promise<{ stream: Readable; fileName: string }> {
    const seller = callerSeller(ctx);
    const market = await this.markets.getPublished(marketCode);
    const out = safeCsv([...LISTING_EXPORT_COLUMNS], delimiter);
    void (async () => {
      let after: string | null = null;
      for (;;) {
        // keyset by id: stable while the seller adds products during the download
        const page = (await this.uow.reader.query(
          after
            ? 'SELECT id, title FROM catalog_products WHERE seller_id = $1 AND id > $2 ORDER BY id LIMIT 100'
            : 'SELECT id, title FROM catalog_products WHERE seller_id = $1 ORDER BY id LIMIT 100',
          after ? [seller.id, after] : [seller.id],
        )) as { id: string; title: string }[];
        // one batched read per page (products, variants, translations, prices, rules and gates once), not one per product
        const views = new Map((page.length ? await this.listings.contents(ctx, page.map((p) => p.id), [market.code]) : []).map((v) => [v.productId, v]));
        for (const p of page) {
          const view = views.get(p.id);
          if (!view) continue; // deleted since the page was read
          for (const v of view.variants) {
            const readiness = view.readiness.variants.find((r) => r.sku === v.sku);
            const issues = [...view.readiness.issues, ...(readiness?.issues ?? [])];
            const codes = (severity: string) => [...new Set(issues.filter((i) => i.severity === severity).map((i) => i.code))].join(' ');
            const line = [
              view.productId, v.sku, p.title, view.title.value ?? '', view.title.locale ?? '', view.title.state, v.price.amount ?? '', v.price.currency, v.price.outcome,
              readiness?.status ?? view.readiness.status, codes('BLOCKER'), codes('WARNING'),
            ];
            if (!out.write(line)) await new Promise((r) => out.once('drain', r));
          }
        }
        if (page.length < 100) break;
        after = page[page.length - 1].id;
      }
      out.end();
    })().catch((e: unknown) => out.destroy(e as Error));
    return { stream: out, fileName: `listings-${market.code}.csv` };
  }
}
