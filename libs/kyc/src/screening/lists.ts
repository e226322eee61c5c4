/**
 * Parsers for public sanctions lists into one model.
 *
 *   OFAC SDN   — SDN.CSV (+ ALT.CSV). No header; '-0-' means empty; files are Windows-1252.
 *   EU FSF     — "Financial Sanctions Files" XML (<export><sanctionEntity>…).
 *   UN SC      — consolidated list XML (<CONSOLIDATED_LIST><INDIVIDUALS>/<ENTITIES>).
 *
 * Libraries: csv-parse/sync (RFC 4180 quoting, embedded commas/newlines in Remarks),
 * fast-xml-parser (no native deps; `htmlEntities` decodes &#1040;-style references that some list
 * exports use for non-Latin names), iconv-lite (Windows-1252 / declared XML encodings).
 */
import { parse as parseCsv } from 'csv-parse/sync';
import { parseXmlDocument, XmlFormatError } from '@app/kernel';
import iconv from 'iconv-lite';

export type ListSource = 'ofac_sdn' | 'eu_consolidated' | 'un_consolidated' | 'custom';

export interface ListEntry {
  id: string;
  source: ListSource;
  kind: 'person' | 'entity' | 'unknown';
  /** Primary name first, then aliases (deduplicated, original spelling). */
  names: string[];
  /** ISO dates "YYYY-MM-DD", partial "YYYY-MM" / "YYYY", or year ranges "YYYY/YYYY". */
  birthDates?: string[];
  /** ISO-3166 alpha-2 where the list gives codes (EU), otherwise the list's country names (OFAC, UN). */
  countries?: string[];
  programs?: string[];
}

export class ListFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ListFormatError';
  }
}

// ---------------------------------------------------------------------------------------------
// Decoding
// ---------------------------------------------------------------------------------------------

const UTF8_STRICT = new TextDecoder('utf-8', { fatal: true });

/**
 * Buffer → string. A BOM wins; otherwise strict UTF-8 is tried first (a pure-ASCII or UTF-8 file
 * decodes identically) and `fallback` (Windows-1252 for OFAC) is used when the bytes are not valid
 * UTF-8 — e.g. a lone 0xE9 "é". A Windows-1252 file that is *also* valid UTF-8 would need byte pairs
 * like "Ã©", which do not occur in list names.
 */
function decode(input: Buffer | string, fallback: string, what: string): string {
  if (typeof input === 'string') return input.replace(/^\uFEFF/, '');
  if (!Buffer.isBuffer(input)) throw new ListFormatError(`${what}: expected a Buffer or string`);
  if (input.length >= 3 && input[0] === 0xef && input[1] === 0xbb && input[2] === 0xbf) {
    return input.subarray(3).toString('utf8');
  }
  if (input.length >= 2 && input[0] === 0xff && input[1] === 0xfe) return iconv.decode(input, 'utf16le');
  if (input.length >= 2 && input[0] === 0xfe && input[1] === 0xff) return iconv.decode(input, 'utf16be');
  try {
    return UTF8_STRICT.decode(input);
  } catch {
    return iconv.decode(input, fallback);
  }
}

/** XML bytes: honour the encoding in the XML declaration, else UTF-8. */
function decodeXml(input: Buffer | string, what: string): string {
  if (typeof input === 'string') return input.replace(/^\uFEFF/, '');
  if (!Buffer.isBuffer(input)) throw new ListFormatError(`${what}: expected a Buffer or string`);
  const head = input.subarray(0, 200).toString('latin1');
  const m = /^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head.replace(/^\uFEFF|^ï»¿/, ''));
  const declared = m?.[1]?.toLowerCase();
  if (declared && declared !== 'utf-8' && declared !== 'utf8' && iconv.encodingExists(declared)) {
    return iconv.decode(input, declared);
  }
  return decode(input, 'utf-8', what);
}

function clean(v: unknown): string {
  if (v === undefined || v === null) return '';
  const s = String(v).replace(/\s+/g, ' ').trim();
  return s === '-0-' ? '' : s;
}

function uniq(values: string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const v of values) {
    const k = v.toLowerCase();
    if (!v || seen.has(k)) continue;
    seen.add(k);
    out.push(v);
  }
  return out;
}

/**
 * U+0000 (a NUL byte in a CSV) and lone UTF-16 surrogates: PostgreSQL cannot store them. (The kernel's
 * isStorableText, repeated here: this folder builds on its own for bench/screening.mjs.)
 */
const unstorable = (v: string): boolean => v.includes('\u0000') || !(v as string & { isWellFormed(): boolean }).isWellFormed();

/** Every text of every entry must be storable: a list carrying NUL or a lone surrogate is a format error, not a database error. */
function storable(entries: ListEntry[], what: string): ListEntry[] {
  for (const e of entries) {
    const texts = [e.id, ...e.names, ...(e.birthDates ?? []), ...(e.countries ?? []), ...(e.programs ?? [])];
    if (texts.some(unstorable)) throw new ListFormatError(`${what}: entry ${JSON.stringify(e.id.replace(/\u0000/g, ''))} contains a NUL character or a lone surrogate`);
  }
  return entries;
}

function withOptional(entry: ListEntry, key: 'birthDates' | 'countries' | 'programs', values: string[]): void {
  const u = uniq(values);
  if (u.length) entry[key] = u;
}

// ---------------------------------------------------------------------------------------------
// OFAC SDN.CSV + ALT.CSV
// ---------------------------------------------------------------------------------------------

const MONTHS: Record<string, string> = {
  jan: '01', feb: '02', mar: '03', apr: '04', may: '05', jun: '06',
  jul: '07', aug: '08', sep: '09', oct: '10', nov: '11', dec: '12',
};

function parseCsvRows(text: string, what: string): string[][] {
  const body = text.replace(/\u001a\s*$/, '').replace(/^\uFEFF/, '');
  if (/^\s*</.test(body)) throw new ListFormatError(`${what}: looks like XML/HTML, expected OFAC CSV`);
  if (/^\s*[{[]/.test(body)) throw new ListFormatError(`${what}: looks like JSON, expected OFAC CSV`);
  try {
    return parseCsv(body, {
      relax_column_count: true,
      skip_empty_lines: true,
      relax_quotes: true,
    }) as string[][];
  } catch (err) {
    throw new ListFormatError(`${what}: malformed CSV (${(err as Error).message})`);
  }
}

/** "DOB 12 Mar 1965", "DOB Mar 1965", "DOB 1965", "DOB circa 1965", "DOB 1960 to 1962". */
function ofacDates(remarks: string): string[] {
  const out: string[] = [];
  const re = /\bDOB\s+([^;]+)/gi;
  for (let m = re.exec(remarks); m; m = re.exec(remarks)) {
    const v = m[1].trim().replace(/\.$/, '');
    let d: RegExpExecArray | null;
    if ((d = /^(\d{1,2})\s+([A-Za-z]{3})[a-z]*\s+(\d{4})$/.exec(v)) && MONTHS[d[2].toLowerCase()]) {
      out.push(`${d[3]}-${MONTHS[d[2].toLowerCase()]}-${d[1].padStart(2, '0')}`);
    } else if ((d = /^([A-Za-z]{3})[a-z]*\s+(\d{4})$/.exec(v)) && MONTHS[d[1].toLowerCase()]) {
      out.push(`${d[2]}-${MONTHS[d[1].toLowerCase()]}`);
    } else if ((d = /^(\d{4})\s+to\s+(\d{4})$/i.exec(v))) {
      out.push(`${d[1]}/${d[2]}`);
    } else if ((d = /^circa\s+(\d{4})$/i.exec(v))) {
      const y = Number(d[1]);
      out.push(`${y - 1}/${y + 1}`);
    } else if ((d = /^(\d{4})$/.exec(v))) {
      out.push(d[1]);
    }
  }
  return out;
}

function ofacCountries(remarks: string): string[] {
  const out: string[] = [];
  const re = /\b(?:nationality|citizen)\s+([^;]+)/gi;
  for (let m = re.exec(remarks); m; m = re.exec(remarks)) out.push(m[1].trim().replace(/\.$/, ''));
  return out;
}

/** "SDGT] [IRGC" / "[RUSSIA-EO14024]" → ["SDGT", "IRGC"]. */
function ofacPrograms(program: string): string[] {
  return program
    .split(/\]\s*\[/)
    .map((p) => p.replace(/[[\]]/g, '').trim())
    .filter(Boolean);
}

const OFAC_TYPES = new Set(['individual', '', 'vessel', 'aircraft', 'entity']);

export function parseOfacSdn(sdnCsv: Buffer | string, altCsv?: Buffer | string): ListEntry[] {
  const rows = parseCsvRows(decode(sdnCsv, 'win1252', 'SDN.CSV'), 'SDN.CSV');
  const entries: ListEntry[] = [];
  const byId = new Map<string, ListEntry>();
  rows.forEach((row, idx) => {
    if (row.every((c) => !c.trim())) return;
    const id = clean(row[0]);
    if (idx === 0 && /^ent_?num$/i.test(id)) return; // tolerate a header row
    if (!/^\d+$/.test(id)) {
      throw new ListFormatError(`SDN.CSV row ${idx + 1}: ent_num ${JSON.stringify(row[0]?.slice(0, 40))} is not a number`);
    }
    if (row.length < 4) throw new ListFormatError(`SDN.CSV row ${idx + 1}: expected ≥ 4 columns, got ${row.length}`);
    const name = clean(row[1]);
    const type = clean(row[2]).toLowerCase();
    if (!OFAC_TYPES.has(type)) throw new ListFormatError(`SDN.CSV row ${idx + 1}: unknown SDN_Type ${JSON.stringify(type)}`);
    if (!name) throw new ListFormatError(`SDN.CSV row ${idx + 1}: empty SDN_Name`);
    const remarks = clean(row[11]);
    const entry: ListEntry = {
      id,
      source: 'ofac_sdn',
      kind: type === 'individual' ? 'person' : type === '' || type === 'entity' ? 'entity' : 'unknown',
      names: [name],
    };
    withOptional(entry, 'birthDates', ofacDates(remarks));
    withOptional(entry, 'countries', ofacCountries(remarks));
    withOptional(entry, 'programs', ofacPrograms(clean(row[3])));
    if (byId.has(id)) throw new ListFormatError(`SDN.CSV row ${idx + 1}: duplicate ent_num ${id}`);
    byId.set(id, entry);
    entries.push(entry);
  });
  if (!entries.length) throw new ListFormatError('SDN.CSV: no entries');

  if (altCsv !== undefined) {
    const alts = parseCsvRows(decode(altCsv, 'win1252', 'ALT.CSV'), 'ALT.CSV');
    alts.forEach((row, idx) => {
      if (row.every((c) => !c.trim())) return;
      const id = clean(row[0]);
      if (idx === 0 && /^ent_?num$/i.test(id)) return;
      if (!/^\d+$/.test(id) || row.length < 4) {
        throw new ListFormatError(`ALT.CSV row ${idx + 1}: expected "ent_num, alt_num, alt_type, alt_name, alt_remarks"`);
      }
      const entry = byId.get(id);
      const alias = clean(row[3]);
      if (entry && alias) entry.names = uniq([...entry.names, alias]);
    });
  }
  return storable(entries, 'SDN.CSV');
}

// ---------------------------------------------------------------------------------------------
// XML helpers
// ---------------------------------------------------------------------------------------------

type XmlNode = Record<string, unknown>;

function parseXml(text: string, what: string, arrays: string[]): XmlNode {
  try {
    return parseXmlDocument(text, what, { arrays, entities: true }) as XmlNode;
  } catch (e) {
    throw e instanceof XmlFormatError ? new ListFormatError(e.message) : e;
  }
}

function asArray<T = XmlNode>(v: unknown): T[] {
  if (v === undefined || v === null || v === '') return [];
  return (Array.isArray(v) ? v : [v]) as T[];
}

function text(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'object') return clean((v as XmlNode)['#text']);
  return clean(v);
}

// ---------------------------------------------------------------------------------------------
// EU Financial Sanctions Files
// ---------------------------------------------------------------------------------------------

export function parseEuConsolidated(xml: Buffer | string): ListEntry[] {
  const doc = parseXml(decodeXml(xml, 'EU FSF XML'), 'EU FSF XML', [
    'sanctionEntity', 'nameAlias', 'birthdate', 'citizenship', 'regulation', 'subjectType',
  ]);
  const root = doc['export'] as XmlNode | undefined;
  if (!root || typeof root !== 'object') {
    throw new ListFormatError(`EU FSF XML: root element <export> not found (got <${Object.keys(doc).filter((k) => !k.startsWith('?'))[0] ?? 'nothing'}>)`);
  }
  const out: ListEntry[] = [];
  asArray(root['sanctionEntity']).forEach((se, idx) => {
    const id = clean(se['@logicalId']) || clean(se['@euReferenceNumber']);
    if (!id) throw new ListFormatError(`EU FSF XML: sanctionEntity #${idx + 1} has no logicalId`);
    const code = clean(asArray(se['subjectType'])[0]?.['@code']).toLowerCase();
    const kind: ListEntry['kind'] = code === 'person' ? 'person' : code === 'enterprise' ? 'entity' : 'unknown';
    const names: string[] = [];
    for (const na of asArray(se['nameAlias'])) {
      const whole = clean(na['@wholeName']);
      const composed = [na['@firstName'], na['@middleName'], na['@lastName']].map(clean).filter(Boolean).join(' ');
      if (whole || composed) names.push(whole || composed);
    }
    const entry: ListEntry = { id, source: 'eu_consolidated', kind, names: uniq(names) };
    if (!entry.names.length) throw new ListFormatError(`EU FSF XML: sanctionEntity ${id} has no nameAlias`);
    const dates: string[] = [];
    for (const bd of asArray(se['birthdate'])) {
      const full = clean(bd['@birthdate']);
      const year = clean(bd['@year']);
      const month = clean(bd['@monthOfYear']);
      const day = clean(bd['@dayOfMonth']);
      const circa = clean(bd['@circa']) === 'true';
      if (/^\d{4}-\d{2}-\d{2}$/.test(full)) dates.push(full);
      else if (/^\d{4}$/.test(year)) {
        if (circa) dates.push(`${Number(year) - 1}/${Number(year) + 1}`);
        else if (month && Number(month) > 0) {
          const ym = `${year}-${month.padStart(2, '0')}`;
          dates.push(day && Number(day) > 0 ? `${ym}-${day.padStart(2, '0')}` : ym);
        } else dates.push(year);
      }
    }
    withOptional(entry, 'birthDates', dates);
    withOptional(
      entry,
      'countries',
      asArray(se['citizenship'])
        .map((c) => clean(c['@countryIso2Code']).toUpperCase())
        .filter((c) => /^[A-Z]{2}$/.test(c) && c !== '00'),
    );
    withOptional(
      entry,
      'programs',
      asArray(se['regulation']).map((r) => clean(r['@programme'])),
    );
    out.push(entry);
  });
  return storable(out, 'EU FSF XML');
}

// ---------------------------------------------------------------------------------------------
// UN Security Council consolidated list
// ---------------------------------------------------------------------------------------------

export function parseUnConsolidated(xml: Buffer | string): ListEntry[] {
  const doc = parseXml(decodeXml(xml, 'UN XML'), 'UN XML', [
    'INDIVIDUAL', 'ENTITY', 'INDIVIDUAL_ALIAS', 'ENTITY_ALIAS', 'INDIVIDUAL_DATE_OF_BIRTH', 'NATIONALITY', 'VALUE',
  ]);
  const root = doc['CONSOLIDATED_LIST'] as XmlNode | undefined;
  if (!root || typeof root !== 'object') {
    throw new ListFormatError(`UN XML: root element <CONSOLIDATED_LIST> not found (got <${Object.keys(doc).filter((k) => !k.startsWith('?'))[0] ?? 'nothing'}>)`);
  }
  const out: ListEntry[] = [];
  const individuals = asArray((root['INDIVIDUALS'] as XmlNode | undefined)?.['INDIVIDUAL']);
  const entities = asArray((root['ENTITIES'] as XmlNode | undefined)?.['ENTITY']);

  const common = (node: XmlNode, kind: ListEntry['kind'], aliasTag: string, what: string): ListEntry => {
    const id = text(node['DATAID']);
    if (!id) throw new ListFormatError(`UN XML: ${what} without DATAID`);
    const primary = ['FIRST_NAME', 'SECOND_NAME', 'THIRD_NAME', 'FOURTH_NAME'].map((t) => text(node[t])).filter(Boolean).join(' ');
    const names = [primary, text(node['NAME_ORIGINAL_SCRIPT'])];
    for (const a of asArray(node[aliasTag])) names.push(text(a['ALIAS_NAME']));
    const entry: ListEntry = { id, source: 'un_consolidated', kind, names: uniq(names.filter(Boolean)) };
    if (!entry.names.length) throw new ListFormatError(`UN XML: ${what} ${id} has no name`);
    withOptional(entry, 'programs', [text(node['UN_LIST_TYPE'])]);
    return entry;
  };

  individuals.forEach((ind) => {
    const entry = common(ind, 'person', 'INDIVIDUAL_ALIAS', 'INDIVIDUAL');
    const dates: string[] = [];
    for (const dob of asArray(ind['INDIVIDUAL_DATE_OF_BIRTH'])) {
      const date = text(dob['DATE']);
      const year = text(dob['YEAR']);
      const from = text(dob['FROM_YEAR']);
      const to = text(dob['TO_YEAR']);
      const type = text(dob['TYPE_OF_DATE']).toUpperCase();
      if (/^\d{4}-\d{2}-\d{2}/.test(date)) dates.push(date.slice(0, 10));
      else if (/^\d{4}$/.test(from) && /^\d{4}$/.test(to)) dates.push(`${from}/${to}`);
      else if (/^\d{4}$/.test(year)) {
        dates.push(type === 'APPROXIMATELY' ? `${Number(year) - 1}/${Number(year) + 1}` : year);
      }
    }
    withOptional(entry, 'birthDates', dates);
    withOptional(
      entry,
      'countries',
      asArray(ind['NATIONALITY']).flatMap((n) => asArray<unknown>(n['VALUE']).map(text)),
    );
    out.push(entry);
  });
  entities.forEach((ent) => out.push(common(ent, 'entity', 'ENTITY_ALIAS', 'ENTITY')));
  return storable(out, 'UN XML');
}
