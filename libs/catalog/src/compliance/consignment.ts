import { currencyExponent } from '@app/kernel';
import { PriceDecimal } from '../pricing/decimal';
import type { ReadinessMarket, ReadinessRules } from './evaluate';
import { applies } from './evaluate';

/**
 * Low-value consignment regimes at checkout (research §4.4), from the published rule data: EU IOSS
 * (intrinsic value ≤ EUR 150: destination VAT charged at checkout), UK (≤ GBP 135: UK VAT at the
 * point of sale, the marketplace liable as deemed supplier) and the EU flat duty per distinct tariff
 * subheading. Thresholds are per CONSIGNMENT (the parcel), never per item. Pure: amounts are decimal
 * strings, conversion half-up to the scheme currency's minor unit.
 */
export interface ConsignmentLine {
  hsCode: string;
  quantity: number;
  /** Integer minor units of the consignment currency. */
  unitPriceMinor: bigint;
}

export interface ConsignmentInput {
  market: ReadinessMarket;
  /** ISO 4217 currency of the lines. */
  currency: string;
  lines: readonly ConsignmentLine[];
  /**
   * Units of the consignment currency per ONE unit of the scheme's currency (EUR = 91.4567 RUB →
   * `91.4567`); not needed when both are the same currency.
   */
  rate?: string;
  /** The day of the sale, `YYYY-MM-DD` (UTC): decides which flat-duty rules are in force. */
  date: string;
  /** Excise goods (spirits, tobacco) are outside the schemes. */
  excise?: boolean;
}

export interface Amount {
  amount: string;
  currency: string;
}

export interface ConsignmentTax {
  /** The scheme the consignment goes through, or null (above the threshold, excise, or no scheme in the market). */
  scheme: 'IOSS' | 'UK_LOW_VALUE' | null;
  /** The scheme rule that decided (also when the consignment is above its threshold). */
  ruleId: string | null;
  /** Intrinsic value of the whole consignment in the scheme's currency. */
  value: Amount | null;
  threshold: Amount | null;
  vat: {
    /** VAT charged to the buyer at checkout (under the scheme) or due at import on delivery. */
    collected: 'at_checkout' | 'at_import';
    /** Who accounts for it: the marketplace as deemed supplier, or the importer at the border. */
    liable: 'marketplace' | 'importer';
    rate: string | null;
    /** The VAT charged at checkout, in the scheme's currency; null when it is due at import. */
    amount: Amount | null;
  };
  duty: { flat: Amount | null; subheadings: number; ruleId: string | null };
}

const dec = (minor: bigint, currency: string) => new PriceDecimal(minor.toString()).div(new PriceDecimal(10).pow(currencyExponent(currency)));
const money = (d: InstanceType<typeof PriceDecimal>, currency: string): Amount => ({ amount: d.toDecimalPlaces(currencyExponent(currency)).toFixed(currencyExponent(currency)), currency });

export function consignmentTax(input: ConsignmentInput, rules: ReadinessRules): ConsignmentTax {
  const doc = input.market.document;
  const vatRate = doc.taxDisplay.mode === 'gross' ? doc.taxDisplay.vatRate : null;
  const applicable = rules.rules.filter((r) => applies(r, doc));
  const scheme = applicable.find((r) => r.type === 'VAT_SCHEME');
  const subheadings = new Set(input.lines.map((l) => l.hsCode.slice(0, 6))).size;
  const none: ConsignmentTax = {
    scheme: null, ruleId: scheme?.id ?? null, value: null, threshold: null,
    vat: { collected: 'at_import', liable: 'importer', rate: vatRate, amount: null }, duty: { flat: null, subheadings, ruleId: null },
  };
  if (!scheme || scheme.type !== 'VAT_SCHEME') return none;
  const total = input.lines.reduce((sum, l) => sum + l.unitPriceMinor * BigInt(l.quantity), 0n);
  let value = dec(total, input.currency);
  if (input.currency !== scheme.currency) {
    if (!input.rate) throw new Error(`a rate ${scheme.currency}/${input.currency} is needed`);
    value = value.div(new PriceDecimal(input.rate));
  }
  const valueAmount = money(value, scheme.currency);
  const threshold = { amount: scheme.threshold, currency: scheme.currency };
  const within = new PriceDecimal(valueAmount.amount).lte(new PriceDecimal(scheme.threshold)) && !input.excise;
  if (!within) return { ...none, value: valueAmount, threshold };
  const flat = applicable.find(
    (r) => r.type === 'FLAT_DUTY' && r.scheme === scheme.scheme && r.effectiveFrom <= input.date && (!r.effectiveTo || input.date < r.effectiveTo),
  );
  return {
    scheme: scheme.scheme,
    ruleId: scheme.id,
    value: valueAmount,
    threshold,
    vat: {
      collected: 'at_checkout',
      liable: 'marketplace',
      rate: vatRate,
      amount: vatRate ? money(new PriceDecimal(valueAmount.amount).mul(new PriceDecimal(vatRate)), scheme.currency) : null,
    },
    duty:
      flat && flat.type === 'FLAT_DUTY'
        ? { flat: money(new PriceDecimal(flat.amount).mul(subheadings), flat.currency), subheadings, ruleId: flat.id }
        : { flat: money(new PriceDecimal(0), scheme.currency), subheadings, ruleId: null },
  };
}
