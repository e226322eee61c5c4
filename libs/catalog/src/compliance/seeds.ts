import type { ComplianceRuleSetInput } from './schema';

/** EU member states and the EEA (IS, LI, NO): where a GPSR manufacturer or responsible person counts as established. */
const EU_EEA = ['AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IE', 'IT', 'LV', 'LT', 'LU', 'MT', 'NL', 'PL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE', 'IS', 'LI', 'NO'];

const GPSR = 'https://eur-lex.europa.eu/eli/reg/2023/988/oj';
const EU_833 = 'https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:02014R0833-20240629';

/**
 * The compliance rule set published as version 1 on an empty database (later versions come from
 * ops). Markets select rules by their complianceRuleSetId (`eu`, `gb`, `us`, `tr`, `kz`, `jp`).
 */
export const SEED_COMPLIANCE_RULES: ComplianceRuleSetInput = {
  rules: [
    { id: 'eu.gpsr.manufacturer', version: 1, type: 'GPSR_MANUFACTURER', title: 'GPSR art. 19(a): manufacturer with postal and electronic address', sourceUrl: GPSR, appliesTo: ['eu'] },
    { id: 'eu.gpsr.responsible-person', version: 1, type: 'GPSR_RESPONSIBLE_PERSON', title: 'GPSR art. 16, 19(b): EU responsible person for a manufacturer outside the EU/EEA', sourceUrl: GPSR, appliesTo: ['eu'], establishedIn: EU_EEA },
    { id: 'eu.gpsr.safety-information', version: 1, type: 'SAFETY_INFORMATION', title: "GPSR art. 19(d): safety information in the Member State's language", sourceUrl: GPSR, appliesTo: ['eu'] },
    {
      id: 'eu.sanctions.ru-spirits', version: 1, type: 'ORIGIN_HS_BAN', title: 'Reg. (EU) 833/2014 art. 3i, Annex XXI: Russian-origin spirits', sourceUrl: EU_833,
      appliesTo: ['eu'], origins: ['RU'], hsPrefixes: ['2208'],
    },
    {
      id: 'eu.sanctions.ru-iron-steel', version: 1, type: 'ORIGIN_HS_BAN', title: 'Reg. (EU) 833/2014 art. 3g, Annex XVII: Russian-origin iron and steel articles', sourceUrl: EU_833,
      appliesTo: ['eu'], origins: ['RU'], hsPrefixes: ['7323'],
    },
    {
      id: 'us.sanctions.ru-alcohol', version: 1, type: 'ORIGIN_HS_BAN', title: 'EO 14068: Russian-origin alcoholic beverages', sourceUrl: 'https://ofac.treasury.gov/media/918686/download?inline',
      appliesTo: ['us'], origins: ['RU'], hsPrefixes: ['2208'],
    },
    { id: 'eu.ce.toys-doc', version: 1, type: 'CE_DOC', title: 'Toy Safety Directive 2009/48/EC, MSR 2019/1020 art. 4: EU declaration of conformity', sourceUrl: 'https://eur-lex.europa.eu/eli/dir/2009/48/oj', appliesTo: ['eu'], categories: ['toys'], severity: 'BLOCKER' },
    { id: 'any.ce.toys-doc', version: 1, type: 'CE_DOC', title: 'Toys: a declaration of conformity is expected by marketplaces', sourceUrl: 'https://eur-lex.europa.eu/eli/dir/2009/48/oj', appliesTo: ['*'], except: ['eu'], categories: ['toys'], severity: 'WARNING' },
    { id: 'eu.cosmetics.cpnp', version: 1, type: 'CATEGORY', title: 'Reg. (EC) 1223/2009: cosmetics need an EU responsible person and a CPNP notification', sourceUrl: 'https://eur-lex.europa.eu/eli/reg/2009/1223/oj', appliesTo: ['eu'], categories: ['beauty.cosmetics'], severity: 'WARNING' },
    { id: 'eu.hs', version: 1, type: 'HS_CODE', title: 'EU customs declarations: HS6, CN8 recommended', sourceUrl: 'https://taxation-customs.ec.europa.eu/customs-4/calculation-customs-duties/customs-tariff/combined-nomenclature_en', appliesTo: ['eu'], national: { key: 'EU', digits: 8, severity: 'WARNING' } },
    { id: 'us.hs', version: 1, type: 'HS_CODE', title: 'US entry: 10-digit HTSUS classification', sourceUrl: 'https://hts.usitc.gov/', appliesTo: ['us'], national: { key: 'US', digits: 10, severity: 'BLOCKER' } },
    { id: 'any.hs', version: 1, type: 'HS_CODE', title: 'Cross-border shipments need an HS code (WCO HS 2022)', sourceUrl: 'https://www.wcoomd.org/en/topics/nomenclature/instrument-and-tools/hs-nomenclature-2022-edition.aspx', appliesTo: ['*'], except: ['eu', 'us'] },
    { id: 'us.origin', version: 1, type: 'ORIGIN_REQUIRED', title: 'US: declared country of origin (de minimis suspended, EO 14324)', sourceUrl: 'https://www.cbp.gov/trade/basic-import-export/e-commerce', appliesTo: ['us'] },
    {
      id: 'eu.vat.ioss', version: 1, type: 'VAT_SCHEME', title: 'EU IOSS: consignments up to EUR 150', sourceUrl: 'https://vat-one-stop-shop.ec.europa.eu/one-stop-shop/import-one-stop-shop-ioss_en',
      appliesTo: ['eu'], scheme: 'IOSS', threshold: '150.00', currency: 'EUR', excludedCategories: ['food.spirits'],
    },
    {
      id: 'gb.vat.low-value', version: 1, type: 'VAT_SCHEME', title: 'UK: VAT at the point of sale on consignments up to GBP 135', sourceUrl: 'https://www.gov.uk/guidance/vat-and-overseas-goods-sold-directly-to-customers-in-the-uk',
      appliesTo: ['gb'], scheme: 'UK_LOW_VALUE', threshold: '135.00', currency: 'GBP', excludedCategories: ['food.spirits'],
    },
    {
      id: 'eu.customs.flat-duty', version: 1, type: 'FLAT_DUTY', title: 'EU: EUR 3 customs duty per tariff subheading in low-value (IOSS) parcels, 1 Jul 2026 – 1 Jul 2028',
      sourceUrl: 'https://www.consilium.europa.eu/en/press/press-releases/',
      appliesTo: ['eu'], scheme: 'IOSS', amount: '3.00', currency: 'EUR', effectiveFrom: '2026-07-01', effectiveTo: '2028-07-01',
    },
    {
      id: 'any.dg.lithium', version: 1, type: 'DG_LITHIUM', title: 'Lithium batteries by shipping lane (UPU/ICAO postal limits; road courier accepts packed batteries)',
      sourceUrl: 'https://www.icao.int/safety/DangerousGoods', appliesTo: ['*'],
      lanes: [
        { id: 'postal-air', accepts: ['UN3481', 'UN3091'], maxWhPerCell: 20, maxWhPerBattery: 100, maxLithiumGPerCell: 1, maxLithiumGPerBattery: 2 },
        { id: 'road-courier', accepts: ['UN3480', 'UN3481', 'UN3090', 'UN3091'] },
      ],
    },
  ],
};
