/**
 * The wooden toy of the readiness golden scenarios: made in Turkey by a Turkish manufacturer, priced 450.00 TRY, with
 * HS6 + US/EU national codes, a declaration of conformity, Turkish texts and no EU responsible person (`gpsrExtra` adds
 * one, or anything else of the GPSR block).
 */
export const turkishToy = (sku = 'TOY-1', gpsrExtra: object = {}) => ({
  title: 'Ahşap tren seti',
  description: 'Boyasız kayın ağacından tren.',
  category: 'toys',
  variants: [{ sku, price: { amount: '450.00', currency: 'TRY' }, weightG: 800 }],
  hsCode: '950300',
  hsNational: { US: '9503000073', EU: '95030099' },
  originCountry: 'TR',
  conformity: { docUrl: 'https://oyuncak.example.com.tr/doc/tren.pdf' },
  gpsr: { manufacturer: { name: 'Oyuncak Atölyesi A.Ş.', address: { line1: 'Atatürk Cd. 12', city: 'Bursa', postalCode: '16000', country: 'TR' }, email: 'info@oyuncak.example.com.tr' }, ...gpsrExtra },
  safetyInformation: '3 yaşından küçük çocuklar için uygun değildir.',
});
