import { XMLParser, XMLValidator } from 'fast-xml-parser';
import iconv from 'iconv-lite';

/**
 * Reading XML files uploaded by ops (sanctions lists, central-bank FX files) safely, in one place: bytes decoded
 * by the encoding the declaration names, no DOCTYPE/ENTITY declarations, a validator first, a nesting limit and
 * every value kept as a string. Anything wrong is an {@link XmlFormatError}, which each context maps to its own
 * file-format error.
 */
export class XmlFormatError extends Error {}

/** Deepest element nesting accepted (the EU and UN lists nest 4 levels, the ECB file 3): deeper is a format error. */
export const MAX_XML_DEPTH = 32;

const UTF8_STRICT = new TextDecoder('utf-8', { fatal: true });

/** Bytes → text by the declared encoding (UTF-8 when none); bytes that are not valid in it are an error, never mojibake. */
export function decodeXmlBytes(bytes: Buffer, what: string): string {
  const head = bytes.subarray(0, 200).toString('latin1');
  const declared = /^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head.replace(/^\uFEFF|^ï»¿/, ''))?.[1]?.toLowerCase();
  if (declared && declared !== 'utf-8' && declared !== 'utf8') {
    if (!iconv.encodingExists(declared)) throw new XmlFormatError(`${what}: unknown encoding ${String(declared).slice(0, 30)}`);
    return iconv.decode(bytes, declared);
  }
  try {
    return UTF8_STRICT.decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw new XmlFormatError(`${what}: the file is not valid UTF-8`);
  }
}

export interface XmlParseOptions {
  /** Element names always read as arrays. */
  arrays: readonly string[];
  /** Decode character and HTML entities in text (names in lists); off keeps the text as written. */
  entities?: boolean;
}

/** Parses a well-formed XML document (see the module comment); values stay strings ("78,1234", "0.3065"). */
export function parseXmlDocument(text: string, what: string, options: XmlParseOptions): Record<string, unknown> {
  if (/<!DOCTYPE|<!ENTITY/i.test(text.slice(0, 4096))) throw new XmlFormatError(`${what}: DOCTYPE/ENTITY declarations are not accepted`);
  if (!/^\s*(<\?xml[^>]*\?>\s*)?(<!--[\s\S]*?-->\s*)*</.test(text)) throw new XmlFormatError(`${what}: not XML (not an XML document)`);
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw new XmlFormatError(`${what}: malformed XML at line ${valid.err.line}: ${valid.err.msg}`);
  const arrays = new Set(options.arrays);
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    removeNSPrefix: true,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    htmlEntities: options.entities ?? false,
    isArray: (name) => arrays.has(name),
    maxNestedTags: MAX_XML_DEPTH,
    // DOCTYPE is refused above; should one slip past the check (declared after a long prolog),
    // its entities stay small (numeric and the five XML entities are not counted)
    processEntities: options.entities
      ? { enabled: true, maxEntityCount: 10, maxEntitySize: 1000, maxTotalExpansions: 1000, maxExpandedLength: 100_000 }
      : false,
  });
  try {
    return parser.parse(text) as Record<string, unknown>;
  } catch (e) {
    // the parser's limits throw plain Errors ("Maximum nested tags exceeded"): a file problem
    throw new XmlFormatError(`${what}: ${e instanceof Error ? e.message : 'unreadable XML'}`);
  }
}
