import { describe, expect, it } from '@jest/globals';
import { MarketDocument } from '../markets/schema';
import { SEED_MARKETS } from '../markets/seeds';
import type { Candidate } from '../listings/resolve';
import { checkRuleSet } from './checks';
import { consignmentTax } from './consignment';
import { dgLanes } from './dangerous-goods';
import type { DgLane } from './dangerous-goods';
import { evaluateReadiness, ReadinessProduct } from './evaluate';
import { SEED_COMPLIANCE_RULES } from './seeds';

const { ruleSet } = checkRuleSet(SEED_COMPLIANCE_RULES);
const rules = { version: 1, rules: ruleSet!.rules };
const market = (code: string) => ({ code, version: 1, document: MarketDocument.parse(SEED_MARKETS.find((m) => m.code === code)) });
const seedLanes = (): DgLane[] => {
  const rule = rules.rules.find((r) => r.id === 'any.dg.lithium');
  if (rule?.type !== 'DG_LITHIUM') throw new Error('no DG rule in the seed');
  return rule.lanes;
};

/** Research §6.3, scenarios 26 and 28–30, with the numbers written there. */
describe('golden scenarios: batteries by lane, low-value consignment thresholds (research §6.3)', () => {
  describe('26: battery / dangerous goods per lane (postal-air, road-courier)', () => {
    const powerBank = { chemistry: 'li-ion' as const, packing: 'alone' as const, whPerCell: 12.5, whPerBattery: 37 };
    const phone = { chemistry: 'li-ion' as const, packing: 'in-equipment' as const, whPerCell: 12, whPerBattery: 12 };

    it('a power bank sold alone (UN3480): postal-air disabled (DG_LANE_FORBIDDEN), road courier allowed', () => {
      expect(dgLanes(powerBank, seedLanes())).toEqual([
        { lane: 'postal-air', unNumber: 'UN3480', allowed: false, refusal: 'UN_NOT_ACCEPTED', handling: [] },
        { lane: 'road-courier', unNumber: 'UN3480', allowed: true, handling: ['LITHIUM_BATTERY_MARK', 'UN3480'] },
      ]);
    });

    it('a phone with a built-in 12 Wh battery (UN3481): allowed on both lanes, with handling flags', () => {
      expect(dgLanes(phone, seedLanes())).toEqual([
        { lane: 'postal-air', unNumber: 'UN3481', allowed: true, handling: ['LITHIUM_BATTERY_MARK', 'UN3481'] },
        { lane: 'road-courier', unNumber: 'UN3481', allowed: true, handling: ['LITHIUM_BATTERY_MARK', 'UN3481'] },
      ]);
    });

    it('over the postal limits (21 Wh per cell) the phone loses postal-air too; NiMH is no lithium DG', () => {
      expect(dgLanes({ ...phone, whPerCell: 21, whPerBattery: 21 }, seedLanes())[0]).toMatchObject({ lane: 'postal-air', allowed: false, refusal: 'WH_PER_CELL' });
      expect(dgLanes({ chemistry: 'nimh', packing: 'alone' }, seedLanes())).toEqual([]);
    });

    it('in readiness: the power bank is sellable (a lane remains) with a WARNING for postal-air; a lane-less battery is BLOCKED', () => {
      const base: ReadinessProduct = {
        category: 'electronics', hsCode: '850760', hsNational: {}, originCountry: 'TR', gpsr: null, conformity: null,
        texts: new Map<string, Candidate[]>([['title', [{ locale: 'tr', value: 'Taşınabilir şarj cihazı', origin: 'source', status: 'source', outdated: false }]]]),
        variants: [{ id: 'v1', sku: 'PB-1' }],
      };
      const tr = evaluateReadiness({ ...base, battery: powerBank }, 'TR', market('TR'), rules);
      expect(tr.status).toBe('READY_WITH_WARNINGS');
      expect(tr.issues.map((i) => [i.code, i.severity, i.params.lane])).toEqual([
        ['DG_LANE_FORBIDDEN', 'WARNING', 'postal-air'],
        ['DG_HANDLING', 'INFO', 'road-courier'],
      ]);
      const noLane = { ...rules, rules: rules.rules.map((r) => (r.type === 'DG_LITHIUM' ? { ...r, lanes: r.lanes.filter((l) => l.id === 'postal-air') } : r)) };
      const blocked = evaluateReadiness({ ...base, battery: powerBank }, 'TR', market('TR'), noLane);
      expect(blocked.issues.filter((i) => i.severity === 'BLOCKER').map((i) => [i.code, i.ruleId])).toEqual([['DG_NO_LANE', 'any.dg.lithium']]);
      expect(evaluateReadiness({ ...base, battery: phone }, 'TR', market('TR'), rules).status).toBe('READY');
    });
  });

  describe('28: IOSS eligibility (EUR 150, per consignment)', () => {
    const it_ = market('IT');
    const rub = (amount: bigint) => ({ market: it_, currency: 'RUB', rate: '91.4567', date: '2026-03-01', lines: [{ hsCode: '620442', quantity: 1, unitPriceMinor: amount }] });

    it('RUB 13 500 → EUR 147.61 ≤ 150: IOSS, VAT at checkout at the destination rate', () => {
      const r = consignmentTax(rub(1350000n), rules);
      expect(r).toMatchObject({ scheme: 'IOSS', ruleId: 'eu.vat.ioss', value: { amount: '147.61', currency: 'EUR' }, threshold: { amount: '150.00', currency: 'EUR' } });
      expect(r.vat).toEqual({ collected: 'at_checkout', liable: 'marketplace', rate: '0.22', amount: { amount: '32.47', currency: 'EUR' } });
    });

    it('RUB 14 000 → EUR 153.08: not IOSS; the buyer pays import VAT at delivery', () => {
      const r = consignmentTax(rub(1400000n), rules);
      expect(r).toMatchObject({ scheme: null, ruleId: 'eu.vat.ioss', value: { amount: '153.08', currency: 'EUR' } });
      expect(r.vat).toEqual({ collected: 'at_import', liable: 'importer', rate: '0.22', amount: null });
    });

    it('the threshold is per consignment, not per item: 3 × EUR 60 = EUR 180 is not IOSS', () => {
      const r = consignmentTax({ market: it_, currency: 'EUR', date: '2026-03-01', lines: [{ hsCode: '620442', quantity: 3, unitPriceMinor: 6000n }] }, rules);
      expect(r).toMatchObject({ scheme: null, value: { amount: '180.00', currency: 'EUR' } });
      expect(consignmentTax({ market: it_, currency: 'EUR', date: '2026-03-01', lines: [{ hsCode: '620442', quantity: 1, unitPriceMinor: 6000n }] }, rules).scheme).toBe('IOSS');
    });
  });

  describe('29: EU EUR 3 flat duty per distinct tariff subheading (from 2026-07-01)', () => {
    // 1 silk blouse (HS 620610) + 2 wool blouses (HS 620620): 2 subheadings, EUR 130 ≤ 150
    const parcel = (date: string) => ({
      market: market('IT'), currency: 'EUR', date,
      lines: [{ hsCode: '620610', quantity: 1, unitPriceMinor: 4000n }, { hsCode: '620620', quantity: 2, unitPriceMinor: 4500n }],
    });

    it('duty EUR 6 on and after 2026-07-01', () => {
      expect(consignmentTax(parcel('2026-07-01'), rules)).toMatchObject({ scheme: 'IOSS', duty: { flat: { amount: '6.00', currency: 'EUR' }, subheadings: 2, ruleId: 'eu.customs.flat-duty' } });
    });

    it('EUR 0 before 2026-07-01', () => {
      expect(consignmentTax(parcel('2026-06-30'), rules)).toMatchObject({ scheme: 'IOSS', duty: { flat: { amount: '0.00', currency: 'EUR' }, subheadings: 2, ruleId: null } });
    });
  });

  describe('30: UK ≤ GBP 135', () => {
    const gb = (minor: bigint) => ({ market: market('GB'), currency: 'GBP', date: '2026-03-01', lines: [{ hsCode: '620442', quantity: 1, unitPriceMinor: minor }] });

    it('GBP 120: UK VAT 20% charged at checkout, the marketplace liable (deemed supplier)', () => {
      expect(consignmentTax(gb(12000n), rules)).toMatchObject({
        scheme: 'UK_LOW_VALUE', ruleId: 'gb.vat.low-value', value: { amount: '120.00', currency: 'GBP' },
        vat: { collected: 'at_checkout', liable: 'marketplace', rate: '0.20', amount: { amount: '24.00', currency: 'GBP' } },
      });
    });

    it('GBP 150: no point-of-sale VAT; import VAT and duty at the border', () => {
      expect(consignmentTax(gb(15000n), rules)).toMatchObject({ scheme: null, vat: { collected: 'at_import', liable: 'importer', amount: null } });
    });
  });
});
