import { describe, expect, it } from '@jest/globals';
import { IDENTIFIER_TYPES, UnknownIdentifierTypeError, normalizeIdentifierInput, validateIdentifier } from './index';
import type { IdentifierResult } from './index';

const REQUIRED_CODES = [
  'ru.inn', 'ru.ogrn', 'ru.ogrnip', 'ru.kpp', 'ru.bik', 'ru.bank_account',
  'tr.vkn', 'tr.tckn', 'tr.mersis',
  'it.piva', 'it.cf', 'it.rea',
  'es.nif', 'es.dni', 'es.nie', 'es.cif',
  'eu.vat', 'iban',
  'kz.bin', 'kz.iin',
  'gb.vat', 'gb.crn', 'gb.utr',
  'us.ein', 'us.ssn', 'us.itin',
  'de.vat', 'de.stnr', 'de.hrn',
  'fr.siren', 'fr.siret', 'fr.tva',
  'pl.nip', 'pl.regon', 'pl.krs', 'pl.pesel',
  'pt.nif', 'pt.nipc',
  'br.cnpj', 'br.cpf',
];

const FAILURES = ['INVALID_LENGTH', 'INVALID_FORMAT', 'INVALID_CHECKSUM', 'INVALID_COMPONENT'];

/** Types whose number itself says individual or company. */
const KIND_TYPES = new Set(['ru.inn', 'it.cf', 'es.nif', 'pt.nif']);

function expectWellFormed(result: IdentifierResult): void {
  if (result.valid) {
    expect(typeof result.normalized).toBe('string');
    expect(result.normalized.length).toBeGreaterThan(0);
  } else {
    expect(FAILURES).toContain(result.code);
    if (result.normalized !== undefined) expect(typeof result.normalized).toBe('string');
  }
  expect(JSON.parse(JSON.stringify(result))).toEqual(result);
}

describe('IDENTIFIER_TYPES', () => {
  it('registers every required type', () => {
    const missing = REQUIRED_CODES.filter((code) => !IDENTIFIER_TYPES.has(code));
    expect(missing).toEqual([]);
    expect(IDENTIFIER_TYPES.size).toBe(REQUIRED_CODES.length);
  });

  it.each([...IDENTIFIER_TYPES.entries()])('%s is keyed by its code, with a matching country', (key, type) => {
    expect(type.code).toBe(key);
    if (key === 'iban' || key === 'eu.vat') expect(type.country).toBeNull();
    else expect(type.country).toBe(key.slice(0, 2).toUpperCase());
  });

  it.each([...IDENTIFIER_TYPES.values()].map((type) => [type.code, type.example]))(
    '%s has a valid, already normalised example (%s)',
    (code, example) => {
      const result = validateIdentifier(code, example);
      expect(result).toMatchObject({ valid: true, normalized: example });
      expect(result.valid && result.kind !== undefined).toBe(KIND_TYPES.has(code));
    },
  );
});

describe('validateIdentifier', () => {
  it('throws UnknownIdentifierTypeError for an unknown code', () => {
    expect(() => validateIdentifier('xx.unknown', '123')).toThrow(UnknownIdentifierTypeError);
    expect(() => validateIdentifier('RU.INN', '7707083893')).toThrow(UnknownIdentifierTypeError);
    expect(() => validateIdentifier(undefined as unknown as string, '1')).toThrow(UnknownIdentifierTypeError);
    try {
      validateIdentifier('gb.nino', 'AB123456C');
    } catch (error) {
      expect(error).toBeInstanceOf(Error);
      expect(error).toMatchObject({ name: 'UnknownIdentifierTypeError', identifierType: 'gb.nino' });
    }
  });

  it('dispatches to the type', () => {
    expect(validateIdentifier('ru.inn', '7707083893')).toEqual({ valid: true, normalized: '7707083893', kind: 'company' });
    expect(validateIdentifier('ru.inn', '７７０７０８３８９３')).toMatchObject({ valid: true }); // full-width digits
    expect(validateIdentifier('ru.inn', '٧٧٠٧٠٨٣٨٩٣')).toMatchObject({ valid: true, normalized: '7707083893' }); // Arabic-Indic
    expect(validateIdentifier('ru.ogrn', '١٠٢٧٧٠٠١٣٢١٩٥')).toMatchObject({ valid: true, normalized: '1027700132195' });
  });

  it('exports the shared normaliser', () => {
    expect(normalizeIdentifierInput(' es b-79110482 ')).toBe('ESB79110482');
  });
});

describe('robustness: odd input never throws', () => {
  const ODD_INPUTS: unknown[] = [
    '',
    ' ',
    '\u0000',
    '\t\n',
    '-./',
    '😀',
    '\ud800',
    '\udfff1234',
    'ΩΩΩ',
    'ıi̇',
    'ß',
    '٣٤٥٦٧٨٩٠١٢',
    '<script>alert(1)</script>',
    "'; DROP TABLE sellers; --",
    '__proto__',
    'constructor',
    'hasOwnProperty',
    'toString',
    'NaN',
    'Infinity',
    '-1',
    '1e21',
    '0x1F',
    '/',
    '//',
    '/1/2/3',
    'x'.repeat(500),
    '9'.repeat(500),
    '9'.repeat(256),
    '9'.repeat(257),
    '/'.repeat(300),
    'IT'.repeat(128),
    'ES'.repeat(4),
    'EL',
    'GR',
    'GB',
    null,
    undefined,
    12345678901,
    {},
    [],
  ];

  it.each([...IDENTIFIER_TYPES.keys()])('%s', (code) => {
    for (const input of ODD_INPUTS) {
      const result = validateIdentifier(code, input as string);
      expectWellFormed(result);
      if (typeof input !== 'string' || input.trim() === '' || input.length > 256) expect(result.valid).toBe(false);
    }
  });

  it.each([...IDENTIFIER_TYPES.keys()])('%s survives 300 random strings', (code) => {
    let seed = [...code].reduce((s, c) => (s * 31 + c.charCodeAt(0)) >>> 0, 7);
    const random = () => {
      seed = (seed * 1664525 + 1013904223) >>> 0;
      return seed / 2 ** 32;
    };
    const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcz -./\\|()ÄÖÜßıİ€😀\u00a0\u200b٣１';
    const example = IDENTIFIER_TYPES.get(code)!.example;
    for (let n = 0; n < 300; n++) {
      const length = Math.floor(random() * 40);
      let value = n % 2 ? example : '';
      for (let i = 0; i < length; i++) {
        const at = Math.floor(random() * (value.length + 1));
        value = value.slice(0, at) + alphabet[Math.floor(random() * alphabet.length)] + value.slice(at);
      }
      expectWellFormed(validateIdentifier(code, value));
    }
  });
});
