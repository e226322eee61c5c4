import { SEED_PACKS } from '@app/countries';

/** A registration the seed pack of `country` declares it accepts (optionally of one legal form). */
export function acceptedRegistration(country: string, legalForm?: string): Record<string, unknown> {
  const pack = SEED_PACKS.find((p) => p.country === country);
  const sample = pack?.samples?.find((s) => s.expect === 'accept' && (!legalForm || s.registration.legalForm === legalForm));
  if (!sample) throw new Error(`no accepted sample for ${country} ${legalForm ?? ''}`);
  return structuredClone(sample.registration);
}

let counter = 0;

/** A fresh, valid Italian partita IVA: 7-digit number, Milan office code 015, Luhn check digit. */
export function newItalianVatNumber(): string {
  const base = `${String(1000000 + ((process.pid * 7919 + Date.now() + counter++ * 104729) % 8999999)).slice(0, 7)}015`;
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    const d = Number(base[i]);
    sum += i % 2 === 0 ? d : d * 2 > 9 ? d * 2 - 9 : d * 2;
  }
  return base + String((10 - (sum % 10)) % 10);
}

/** An accepted Italian S.r.l. registration with its own company number (identifiers are unique per country). */
export function uniqueItalianCompany(): Record<string, unknown> {
  const registration = acceptedRegistration('IT', 'it.srl');
  const vat = newItalianVatNumber();
  registration.identifiers = { ...(registration.identifiers as object), 'it.piva': vat, 'it.cf': vat, 'it.rea': `MI-${vat.slice(1, 7)}` };
  return registration;
}

/** A fresh, valid Turkish VKN (tax number of a company) with a MERSİS number built from it. */
export function newTurkishVkn(): string {
  const first9 = String(100000000 + ((process.pid * 7727 + Date.now() + counter++ * 15485863) % 899999999)).slice(0, 9);
  let sum = 0;
  for (let i = 1; i <= 9; i++) {
    const t = (Number(first9[i - 1]) + 10 - i) % 10;
    if (t === 0) continue;
    const r = (t * 2 ** (10 - i)) % 9;
    sum += r === 0 ? 9 : r;
  }
  return first9 + String((10 - (sum % 10)) % 10);
}

export function uniqueTurkishCompany(): Record<string, unknown> {
  const registration = acceptedRegistration('TR', 'tr.ltd');
  const vkn = newTurkishVkn();
  registration.identifiers = { ...(registration.identifiers as object), 'tr.vkn': vkn, 'tr.mersis': `0${vkn}00017` };
  return registration;
}
