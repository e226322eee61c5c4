import 'reflect-metadata';
import { describe, expect, it } from '@jest/globals';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { ProductDto, PutTranslationsDto } from '../products/dto';
import { compileDtoCheck } from './dto-check';

/** The ValidationPipe's options (libs/kernel/src/http/validation.ts). */
const PIPE = { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true, stopAtFirstError: false } as const;

const operator = { name: 'Güneş Deri A.Ş.', address: { line1: 'Kemeraltı Cd. 5', line2: 'Kat 2', city: 'İzmir', postalCode: '35000', region: 'Ege', country: 'TR' }, email: 'info@gunes-deri.example.com.tr', url: 'https://gunes.example.com.tr' };
/** A body with every field of the product DTO given. */
const FULL = {
  title: 'Şık Kadın Çantası — ığüşöç İ',
  description: 'Hakiki deri.',
  sourceLocale: 'tr',
  currency: 'TRY',
  category: 'apparel.women',
  attributes: [{ key: 'material', value: 'deri' }],
  variants: [
    { sku: 'TR-ÇANTA-1', price: { amount: '1990.50', currency: 'TRY' }, weightG: 800, dimensionsMm: { length: 305, width: 200, height: 100 }, attributes: [{ key: 'renk', value: 'kırmızı' }], floorMinor: '1000' },
    { sku: 'TR-ÇANTA-2', price: { amountMinor: '199050', currency: 'TRY' } },
  ],
  hsCode: '420222',
  hsNational: { US: '4202221234' },
  originCountry: 'TR',
  brand: 'Güneş',
  gpsr: { manufacturer: operator, euResponsiblePerson: { ...operator, address: { ...operator.address, country: 'DE' } } },
  conformity: { docUrl: 'https://gunes.example.com.tr/doc.pdf' },
  battery: { chemistry: 'li-ion', packing: 'in-equipment', whPerCell: 12.5, whPerBattery: 40 },
  safetyInformation: 'Küçük parçalar içerir.',
  status: 'draft',
};
const MINIMAL = { title: 'T', category: 'toys', variants: [{ sku: 'S', price: { amount: '1', currency: 'TRY' } }] };

/** Values a client may send anywhere: every JSON type, edge lengths and numbers, nested shapes. */
const HOSTILE: unknown[] = [
  undefined, null, '', ' ', 'x', 'x'.repeat(3), 'x'.repeat(36), 'x'.repeat(65), 'x'.repeat(201), 'x'.repeat(301), 'not an email', 'https://ok.example.com', 'ftp://x.example.com',
  0, 1, -1, 1.5, 12.345, 10000, 10001, 1_000_001, Number.MAX_SAFE_INTEGER, true, false, [], [1], ['x'], [{}], [[]], {}, { a: 1 }, { key: 'k', value: 'v' },
  [{ key: 'k', value: 'v' }], Array.from({ length: 21 }, (_, i) => ({ key: `k${i}`, value: 'v' })), 'li-ion', 'draft', 'other',
];

/** Every path of the body to put a hostile value at (objects inside arrays included). */
function paths(value: unknown, at: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return [at];
  const keys: (string | number)[] = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
  return [at, ...keys.flatMap((k) => paths((value as Record<string | number, unknown>)[k], [...at, k])), [...at, 'unknownField']];
}

function withValue(body: object, path: (string | number)[], value: unknown): object {
  const copy = structuredClone(body) as Record<string | number, unknown>;
  if (!path.length) return value as object;
  let o = copy;
  for (const k of path.slice(0, -1)) o = o[k] as Record<string | number, unknown>;
  if (value === undefined) delete o[path.at(-1)!];
  else o[path.at(-1)!] = value;
  return copy;
}

/** Both answers for one body, made into DTO instances the way the API's pipe does (class-transformer). */
function both<T extends object>(type: new () => T, body: unknown): { compiled: boolean; classValidator: boolean } {
  const check = compileDtoCheck(type);
  const dto = plainToInstance(type, body, { enableImplicitConversion: false }) as unknown as object;
  if (typeof dto !== 'object' || dto === null || Array.isArray(dto)) return { compiled: false, classValidator: false };
  return { compiled: check(dto), classValidator: validateSync(dto, PIPE).length === 0 };
}

describe('compileDtoCheck: the same yes/no as class-validator, from the same decorators', () => {
  it('passes valid product bodies', () => {
    expect(both(ProductDto, FULL)).toEqual({ compiled: true, classValidator: true });
    expect(both(ProductDto, MINIMAL)).toEqual({ compiled: true, classValidator: true });
  });

  it('agrees on every field of the product body set to every kind of value', () => {
    let valid = 0;
    let invalid = 0;
    for (const base of [FULL, MINIMAL]) {
      for (const path of paths(base)) {
        for (const value of HOSTILE) {
          const body = withValue(base, path, value);
          const { compiled, classValidator } = both(ProductDto, body);
          if (compiled !== classValidator) throw new Error(`disagree at ${path.join('.')} = ${JSON.stringify(value)?.slice(0, 60)}: compiled ${compiled}, class-validator ${classValidator}`);
          if (classValidator) valid++;
          else invalid++;
        }
      }
    }
    // both outcomes are exercised in numbers
    expect(valid).toBeGreaterThan(300);
    expect(invalid).toBeGreaterThan(3000);
  });

  it('agrees on random combinations of several changed fields', () => {
    let seed = 12;
    const rnd = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const all = paths(FULL).filter((p) => p.at(-1) !== 'unknownField');
    for (let n = 0; n < 3000; n++) {
      let body: object = FULL;
      for (let k = 0; k < 1 + Math.floor(rnd() * 3); k++) {
        const path = all[Math.floor(rnd() * all.length)];
        try {
          body = withValue(body, path, HOSTILE[Math.floor(rnd() * HOSTILE.length)]);
        } catch {
          // the path went away with an earlier change
        }
      }
      const { compiled, classValidator } = both(ProductDto, body);
      expect({ body, compiled }).toEqual({ body, compiled: classValidator });
    }
  });

  it('agrees on nested instances of the wrong class and on another DTO', () => {
    const dto = plainToInstance(ProductDto, MINIMAL);
    (dto as unknown as { gpsr: object }).gpsr = { manufacturer: operator }; // a plain object, not a GpsrDto: forbidUnknownValues
    expect(compileDtoCheck(ProductDto)(dto)).toBe(false);
    expect(validateSync(dto, PIPE).length).toBeGreaterThan(0);
    const translations = { fields: [{ field: 'title', value: 'Borsa', sourceHash: 'a'.repeat(64) }] };
    expect(both(PutTranslationsDto, translations)).toEqual({ compiled: true, classValidator: true });
    for (const path of paths(translations)) {
      for (const value of HOSTILE) {
        const { compiled, classValidator } = both(PutTranslationsDto, withValue(translations, path, value));
        expect({ path, compiled }).toEqual({ path, compiled: classValidator });
      }
    }
  });
});
