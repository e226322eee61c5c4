import { describe, expect, it } from '@jest/globals';
import iconv from 'iconv-lite';
import { detectEncoding, looksBinary, neutraliseFormula, parseDecimal, scaleToInteger, sniffDelimiter } from './csv-format';
import { parseHeader } from './columns';

describe('import CSV format', () => {
  it.each([
    ['1990', '1990'],
    ['1990,00', '1990.00'],
    ['1990.00', '1990.00'],
    ['1\u00a0990,00', '1990.00'],
    ['1 990,00', '1990.00'],
    ['1\u202f990,5', '1990.5'],
    ['1.990,50', '1990.50'],
    ['1,990.50', '1990.50'],
    ['1.234.567', '1234567'],
    ['1,234,567', '1234567'],
    [' 450,00 ', '450.00'],
    ['0,5', '0.5'],
    ['007', '7'],
  ])('reads %j as %s', (raw, expected) => {
    expect(parseDecimal(raw)).toBe(expected);
  });

  it.each(['', 'abc', '-5', '1e3', '12 34', '1.99.5,00,1', '€5', '1,2,3', '1 990 00,5', '1.99,5.0'])('refuses %j', (raw) => {
    expect(parseDecimal(raw)).toBeNull();
  });

  it('scales kg and cm to whole grams and millimetres, refusing fractions of them', () => {
    expect(scaleToInteger('1,25', 1000)).toBe(1250);
    expect(scaleToInteger('0,8', 1000)).toBe(800);
    expect(scaleToInteger('30,5', 10)).toBe(305);
    expect(scaleToInteger('1250', 1)).toBe(1250);
    expect(scaleToInteger('1,2505', 1000)).toBeNull();
    expect(scaleToInteger('12,5', 1)).toBeNull();
  });

  it('detects the encoding: BOM, then valid UTF-8, then the declared one, then the country code page', () => {
    const turkish = iconv.encode('Şık çanta ığüö', 'windows-1254');
    expect(detectEncoding(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('sku')]), undefined, 'TR')).toEqual({ encoding: 'utf-8', bomBytes: 3, by: 'bom' });
    expect(detectEncoding(Buffer.from('Şık çanta', 'utf8'), 'windows-1251', 'TR')).toEqual({ encoding: 'utf-8', bomBytes: 0, by: 'utf8' });
    expect(detectEncoding(turkish, undefined, 'TR')).toEqual({ encoding: 'windows-1254', bomBytes: 0, by: 'country' });
    expect(detectEncoding(iconv.encode('Платье', 'windows-1251'), undefined, 'RU').encoding).toBe('windows-1251');
    expect(detectEncoding(iconv.encode('Платье', 'windows-1251'), 'windows-1251', 'IT')).toEqual({ encoding: 'windows-1251', bomBytes: 0, by: 'declared' });
    expect(detectEncoding(Buffer.from([0xff, 0xfe, 0x73, 0]), undefined, 'IT')).toEqual({ encoding: 'utf-16le', bomBytes: 2, by: 'bom' });
  });

  it('judges binary files by their bytes', () => {
    expect(looksBinary(Buffer.from('PK\u0003\u0004\u0000\u0000'), 'utf-8')).toBe(true);
    expect(looksBinary(Buffer.from('sku;title\nA;B\n'), 'utf-8')).toBe(false);
  });

  it('sniffs the delimiter of the header outside quotes', () => {
    expect(sniffDelimiter('sku;title;price;category')).toBe(';');
    expect(sniffDelimiter('sku,title,price')).toBe(',');
    expect(sniffDelimiter('"a;b;c",title,price')).toBe(',');
    expect(sniffDelimiter('sku\ttitle\tprice')).toBe('\t');
    expect(sniffDelimiter('sku')).toBe(',');
  });

  it('neutralises every cell a spreadsheet would evaluate', () => {
    for (const v of ['=HYPERLINK("http://x")', '+1', '-1+2', '@SUM(A1)', '\t=1', '\r=1', '＝1']) expect(neutraliseFormula(v)).toBe(`'${v}`);
    expect(neutraliseFormula('Güneş')).toBe('Güneş');
  });

  it('checks the header: required, unknown, duplicate and unit-clashing columns at once', () => {
    expect(parseHeader(['SKU', 'Title', 'category', 'price', 'attr.size', 'product_attr.material', 'weight_kg']).problems).toEqual([]);
    const { problems } = parseHeader(['sku', 'title', 'prce', 'sku', 'weight_g', 'weight_kg', 'attr.größe']);
    expect(problems.map((p) => `${p.code}:${p.field}`).sort()).toEqual(
      ['DUPLICATE_COLUMN:sku', 'DUPLICATE_COLUMN:weight_kg', 'INVALID_ATTRIBUTE_KEY:attr.größe', 'MISSING_COLUMN:category', 'MISSING_COLUMN:price', 'UNKNOWN_COLUMN:prce'].sort(),
    );
  });
});
