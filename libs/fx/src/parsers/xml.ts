import { decodeXmlBytes, parseXmlDocument, XmlFormatError } from '@app/kernel';
import { FxFormatError } from './types';

const asFxError = <T>(read: () => T): T => {
  try {
    return read();
  } catch (e) {
    throw e instanceof XmlFormatError ? new FxFormatError(e.message) : e;
  }
};

/** Decodes XML bytes by the encoding its declaration names (CBR: windows-1251; TCMB: UTF-8 or ISO-8859-9). */
export const decodeXml = (bytes: Buffer, what: string): string => asFxError(() => decodeXmlBytes(bytes, what));

/** Parses well-formed XML (the kernel's safe reader), keeping every value a string. */
export const parseXml = (text: string, what: string, arrays: readonly string[]): Record<string, unknown> =>
  asFxError(() => parseXmlDocument(text, what, { arrays }));

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
