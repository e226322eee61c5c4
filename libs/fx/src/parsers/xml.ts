import { XMLParser, XMLValidator } from 'fast-xml-parser';
import iconv from 'iconv-lite';
import { FxFormatError } from './types';

const UTF8_STRICT = new TextDecoder('utf-8', { fatal: true });

/**
 * Decodes XML bytes by the encoding its declaration names (CBR: windows-1251; TCMB: UTF-8 or
 * ISO-8859-9), UTF-8 when it names none; a byte sequence that is not valid in that encoding is a
 * format error, never mojibake.
 */
export function decodeXml(bytes: Buffer, what: string): string {
  const head = bytes.subarray(0, 200).toString('latin1');
  const declared = /^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head.replace(/^\uFEFF|^ï»¿/, ''))?.[1]?.toLowerCase();
  if (declared && declared !== 'utf-8' && declared !== 'utf8') {
    if (!iconv.encodingExists(declared)) throw new FxFormatError(`${what}: unknown encoding ${String(declared).slice(0, 30)}`);
    return iconv.decode(bytes, declared);
  }
  try {
    return UTF8_STRICT.decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw new FxFormatError(`${what}: the file is not valid UTF-8`);
  }
}

/** Parses well-formed XML, keeping every value a string (no number coercion: "78,1234", "0.3065"). */
export function parseXml(text: string, what: string, arrays: readonly string[]): Record<string, unknown> {
  if (!/^\s*</.test(text)) throw new FxFormatError(`${what}: not an XML document`);
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw new FxFormatError(`${what}: malformed XML at line ${valid.err.line}: ${valid.err.msg}`);
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    removeNSPrefix: true,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    processEntities: false,
    isArray: (name) => arrays.includes(name),
  });
  return parser.parse(text) as Record<string, unknown>;
}

export const CURRENCY = /^[A-Z]{3}$/;

/** `DD.MM.YYYY` → `YYYY-MM-DD`, checked to be a real date. */
export function dottedDate(value: unknown, what: string): string {
  const m = typeof value === 'string' ? /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(value.trim()) : null;
  if (!m) throw new FxFormatError(`${what}: the date must be DD.MM.YYYY`);
  return isoDate(`${m[3]}-${m[2]}-${m[1]}`, what);
}

export function isoDate(value: unknown, what: string): string {
  const s = typeof value === 'string' ? value.trim() : '';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
  if (!m || !d || d.toISOString().slice(0, 10) !== s || Number(m[1]) < 1999) throw new FxFormatError(`${what}: ${String(value).slice(0, 20)} is not a valid date`);
  return s;
}

/** A positive decimal with `separator` → a canonical decimal string with a dot. */
export function positiveDecimal(value: unknown, separator: '.' | ',', what: string): string {
  const s = typeof value === 'string' ? value.trim() : '';
  const re = separator === ',' ? /^(\d{1,15})(?:,(\d{1,12}))?$/ : /^(\d{1,15})(?:\.(\d{1,12}))?$/;
  const m = re.exec(s);
  if (!m || !/[1-9]/.test(m[1] + (m[2] ?? ''))) throw new FxFormatError(`${what}: "${s.slice(0, 20)}" is not a positive decimal number`);
  return m[2] ? `${m[1]}.${m[2]}` : m[1];
}

export function positiveInteger(value: unknown, what: string): number {
  const s = typeof value === 'string' ? value.trim() : '';
  if (!/^[1-9]\d{0,8}$/.test(s)) throw new FxFormatError(`${what}: "${s.slice(0, 20)}" is not a positive whole number`);
  return Number(s);
}

export const asArray = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
