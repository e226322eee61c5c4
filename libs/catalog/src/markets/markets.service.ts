import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@app/persistence';
import type { Reader } from '@app/persistence';
import { catalogError, CatalogErrorCode } from '../errors';
import { MarketEntity, MarketVersionEntity } from './market.entity';
import type { MarketDocument } from './schema';

export interface PublishedMarket {
  code: string;
  status: 'enabled' | 'disabled';
  version: number;
  document: MarketDocument;
}

/** Read side of markets, for the public API, listings and (later) pricing and readiness. */
@Injectable()
export class MarketsService {
  constructor(private readonly uow: UnitOfWork) {}

  /** Every published market, read outside any transaction (public API). */
  listPublished(): Promise<PublishedMarket[]> {
    return this.list(this.uow.reader);
  }

  /** One published market, read outside any transaction (public API). */
  getPublished(code: string): Promise<PublishedMarket> {
    return this.published(code, this.uow.reader);
  }

  async list(tx: Reader): Promise<PublishedMarket[]> {
    const markets = await tx.find(MarketEntity, { order: { code: 'ASC' } });
    const versions = await tx.find(MarketVersionEntity, { where: { state: 'published' } });
    const byCode = new Map(versions.map((v) => [v.market, v]));
    return markets.flatMap((m) => {
      const v = byCode.get(m.code);
      return v ? [{ code: m.code, status: m.status, version: m.publishedVersion, document: v.document }] : [];
    });
  }

  /** The published version. 404 MARKET_NOT_FOUND when nothing is published. */
  async published(code: string, tx: Reader): Promise<PublishedMarket> {
    const market = await tx.findOne(MarketEntity, { where: { code } });
    if (!market) throw catalogError(CatalogErrorCode.MARKET_NOT_FOUND, { market: code });
    const row = await tx.findOne(MarketVersionEntity, { where: { market: code, version: market.publishedVersion } });
    if (!row) throw catalogError(CatalogErrorCode.MARKET_NOT_FOUND, { market: code });
    return { code, status: market.status, version: market.publishedVersion, document: row.document };
  }

  async version(code: string, version: number): Promise<MarketVersionEntity> {
    const row = await this.uow.reader.findOne(MarketVersionEntity, { where: { market: code, version } });
    if (!row) throw catalogError(CatalogErrorCode.MARKET_VERSION_NOT_FOUND, { market: code, version });
    return row;
  }
}
