import { isUtf8 } from 'node:buffer';

/** Encodings an import file may be in. Anything else is refused at upload (415 / the `encoding` field's 400). */
export const IMPORT_ENCODINGS = ['utf-8', 'windows-1251', 'windows-1254', 'windows-1252'] as const;
export type ImportEncoding = (typeof IMPORT_ENCODINGS)[number] | 'utf-16le' | 'utf-16be';

/**
 * The single-byte code page a spreadsheet program of the seller's country writes "CSV" in when it
 * does not write UTF-8: Cyrillic (RU, KZ, BY, UA, BG…) windows-1251, Turkish windows-1254, others
 * windows-1252 (Western European).
 */
const COUNTRY_CODE_PAGE: Readonly<Record<string, ImportEncoding>> = {
  RU: 'windows-1251', KZ: 'windows-1251', BY: 'windows-1251', UA: 'windows-1251', BG: 'windows-1251', KG: 'windows-1251', RS: 'windows-1251', MK: 'windows-1251',
  TR: 'windows-1254', AZ: 'windows-1254',
};
export const countryCodePage = (country: string): ImportEncoding => COUNTRY_CODE_PAGE[country] ?? 'windows-1252';

export interface DetectedEncoding {
  encoding: ImportEncoding;
  /** Bytes of the byte order mark to skip. */
  bomBytes: number;
  /** How it was decided: `bom`, `utf8` (the bytes are valid UTF-8), `declared` (the form field), `country` (the seller's default). */
  by: 'bom' | 'utf8' | 'declared' | 'country';
}

/**
 * The encoding of an import file, in this order:
 * 1. a byte order mark (UTF-8 EF BB BF; UTF-16 FF FE / FE FF);
 * 2. the bytes are valid UTF-8 (a windows-125x file with any letter outside ASCII practically never is);
 * 3. the `encoding` the seller named with the upload;
 * 4. the code page of the seller's country (RU/KZ… windows-1251, TR windows-1254, else windows-1252).
 */
export function detectEncoding(file: Buffer, declared: ImportEncoding | undefined, country: string): DetectedEncoding {
  if (file[0] === 0xef && file[1] === 0xbb && file[2] === 0xbf) return { encoding: 'utf-8', bomBytes: 3, by: 'bom' };
  if (file[0] === 0xff && file[1] === 0xfe) return { encoding: 'utf-16le', bomBytes: 2, by: 'bom' };
  if (file[0] === 0xfe && file[1] === 0xff) return { encoding: 'utf-16be', bomBytes: 2, by: 'bom' };
  if (isUtf8(file)) return { encoding: 'utf-8', bomBytes: 0, by: 'utf8' };
  if (declared) return { encoding: declared, bomBytes: 0, by: 'declared' };
  return { encoding: countryCodePage(country), bomBytes: 0, by: 'country' };
}

/**
 * True when the bytes cannot be a text table: a NUL byte (binary files, XLSX/ZIP, PDF, images) in the
 * first 64 KiB of a file that is not UTF-16. Judged on bytes, never on the name or the part's
 * Content-Type (Excel on Windows sends `application/vnd.ms-excel` for .csv).
 */
export function looksBinary(file: Buffer, encoding: ImportEncoding): boolean {
  if (encoding === 'utf-16le' || encoding === 'utf-16be') return false;
  return file.subarray(0, 65536).includes(0);
}

export const DELIMITERS = [',', ';', '\t'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

/**
 * The delimiter of the header line: the most frequent of `,` `;` TAB outside double quotes; a tie
 * (or none) is `,`. Excel writes `;` where the decimal separator is a comma (ru, tr, it, es).
 */
export function sniffDelimiter(headerLine: string): Delimiter {
  const counts: Record<Delimiter, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === ',' || ch === ';' || ch === '\t')) counts[ch]++;
  }
  let best: Delimiter = ',';
  for (const d of DELIMITERS) if (counts[d] > counts[best]) best = d;
  return best;
}

/**
 * A decimal number as spreadsheets in our sellers' countries write it, as a plain decimal string
 * (`"1 990,00"` with NBSP → `"1990.00"`), or null when it is not one.
 * - spaces, NBSP (U+00A0), narrow NBSP (U+202F) and thin space (U+2009) group thousands;
 * - with both `.` and `,`, the LAST one is the decimal separator and the other groups thousands
 *   (`1.990,50`, `1,990.50`);
 * - with one kind only: repeated (`1.234.567`) groups thousands; a single one is the decimal
 *   separator (`1990,5` and `1990.5`; so `1,990` reads 1.990 — then too many decimals for a
 *   price in TRY, reported, never silently 1990);
 * - thousands groups must have 3 digits; no sign, no exponent, no currency symbol.
 */
export function parseDecimal(raw: string): string | null {
  const spaced = raw.trim().split(/[ \u00a0\u202f\u2009]/);
  // a space groups thousands: every group after the first starts with exactly 3 digits
  if (spaced.slice(1).some((g) => !/^\d{3}(?!\d)/.test(g)) || (spaced.length > 1 && !/\d$/.test(spaced[0]))) return null;
  const s = spaced.join('');
  if (!/^[\d.,]+$/.test(s) || !/\d/.test(s)) return null;
  const lastDot = s.lastIndexOf('.');
  const lastComma = s.lastIndexOf(',');
  let intPart: string;
  let frac: string | null;
  if (lastDot >= 0 && lastComma >= 0) {
    const decimal = lastDot > lastComma ? '.' : ',';
    const group = decimal === '.' ? ',' : '.';
    const at = s.lastIndexOf(decimal);
    intPart = s.slice(0, at);
    frac = s.slice(at + 1);
    if (!new RegExp(`^\\d{1,3}(\\${group}\\d{3})*$`).test(intPart)) return null;
    intPart = intPart.split(group).join('');
  } else {
    const sep = lastDot >= 0 ? '.' : lastComma >= 0 ? ',' : null;
    if (sep === null) {
      intPart = s;
      frac = null;
    } else if (s.indexOf(sep) !== s.lastIndexOf(sep)) {
      if (!/^\d{1,3}([.,]\d{3})+$/.test(s)) return null;
      intPart = s.split(sep).join('');
      frac = null;
    } else {
      const at = s.indexOf(sep);
      intPart = s.slice(0, at);
      frac = s.slice(at + 1);
    }
  }
  if (!/^\d+$/.test(intPart) || (frac !== null && !/^\d+$/.test(frac))) return null;
  intPart = intPart.replace(/^0+(?=\d)/, '');
  return frac === null ? intPart : `${intPart}.${frac}`;
}

/**
 * A whole number of a unit from a decimal in a larger unit (`"1,25"` kg → 1250 g): null when it is
 * not a number or not a whole number of the smaller unit (`"1,2505"` kg).
 */
export function scaleToInteger(raw: string, factor: 1 | 10 | 1000): number | null {
  const d = parseDecimal(raw);
  if (d === null) return null;
  const [int, frac = ''] = d.split('.');
  const digits = factor === 1 ? 0 : factor === 10 ? 1 : 3;
  const trimmed = frac.replace(/0+$/, '');
  if (trimmed.length > digits) return null;
  const value = Number(int) * factor + (trimmed ? Number(trimmed.padEnd(digits, '0')) : 0);
  return Number.isSafeInteger(value) ? value : null;
}

/**
 * A cell as written into a CSV the seller opens in a spreadsheet: a text starting with `=`, `+`,
 * `-`, `@`, TAB or CR (or their full-width forms, which some spreadsheets also evaluate) gets a
 * leading `'`, so it is shown as text and never evaluated as a formula (OWASP CSV injection).
 */
export function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]/.test(value) ? `'${value}` : value;
}
