import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ListFormatError, parseEuConsolidated, parseOfacSdn, parseUnConsolidated } from './lists';

const fixture = (name: string): Buffer => readFileSync(resolve(process.cwd(), 'libs/kyc/src/screening/fixtures', name));

describe('parseOfacSdn', () => {
  const sdn = fixture('ofac_sdn.csv');
  const alt = fixture('ofac_alt.csv');

  it('the fixture really is Windows-1252 (é = 0xE9) with the trailing 0x1A of the real files', () => {
    expect(sdn.includes(Buffer.from([0x4a, 0x6f, 0x73, 0xe9]))).toBe(true); // "Jos\xE9"
    expect(sdn[sdn.length - 1]).toBe(0x1a);
  });

  it('parses ids, kinds, programs, dates and countries; "-0-" becomes empty', () => {
    const entries = parseOfacSdn(sdn, alt);
    expect(entries.map((e) => [e.id, e.kind])).toEqual([
      ['36001', 'person'],
      ['36002', 'entity'],
      ['36003', 'person'],
      ['36004', 'person'],
      ['36005', 'entity'],
      ['36006', 'unknown'], // vessel
    ]);
    const [shch, romashka, valdes, sahin] = entries;
    expect(shch).toEqual({
      id: '36001',
      source: 'ofac_sdn',
      kind: 'person',
      names: ['SHCHERBATYKH, Aleksandr Yurievich', 'SCHERBATYKH, Alexander', 'SHERBATYKH, Alexandr'],
      birthDates: ['1971-02-14'],
      countries: ['Russia'],
      programs: ['RUSSIA-EO14024'],
    });
    expect(romashka.programs).toEqual(['RUSSIA-EO14024', 'UKRAINE-EO13662']);
    expect(romashka.birthDates).toBeUndefined();
    expect(valdes.birthDates).toEqual(['1965/1967']); // "circa 1966"
    expect(sahin.birthDates).toEqual(['1975/1977', '1976-03']); // "1975 to 1977; alt. DOB Mar 1976"
    for (const e of entries) for (const n of e.names) expect(n).not.toMatch(/-0-/);
  });

  it('decodes latin1/Windows-1252 bytes', () => {
    const valdes = parseOfacSdn(sdn, alt).find((e) => e.id === '36003');
    expect(valdes?.names).toEqual(['VALDÉS ORTEGA, José Andrés', 'VALDÉS, Pepe']);
  });

  it('attaches ALT.CSV aliases after the primary name and ignores aliases of unknown entries', () => {
    const entries = parseOfacSdn(sdn, alt);
    expect(entries.find((e) => e.id === '36002')?.names).toEqual([
      'ROMASHKA-POLE, OOO',
      'LIMITED LIABILITY COMPANY ROMASHKA-POLE',
      'OBSHCHESTVO S OGRANICHENNOI OTVETSTVENNOSTYU ROMASHKA-POLE',
    ]);
    expect(entries.flatMap((e) => e.names)).not.toContain('ORPHAN ALIAS OF A REMOVED ENTRY');
    expect(parseOfacSdn(sdn).find((e) => e.id === '36001')?.names).toEqual(['SHCHERBATYKH, Aleksandr Yurievich']);
  });

  it('accepts already-decoded strings and UTF-8 buffers', () => {
    const text = '10,"MÜLLER, Jörg","individual","SDGT",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"DOB 1970."\n';
    expect(parseOfacSdn(text)[0].names).toEqual(['MÜLLER, Jörg']);
    expect(parseOfacSdn(Buffer.from(text, 'utf8'))[0].names).toEqual(['MÜLLER, Jörg']);
  });

  it('rejects input that is not SDN.CSV', () => {
    expect(() => parseOfacSdn(fixture('eu_fsf.xml'))).toThrow(ListFormatError);
    expect(() => parseOfacSdn('name,type\nfoo,bar\n')).toThrow(/ent_num/);
    expect(() => parseOfacSdn('1,"X","spaceship","P"\n')).toThrow(/SDN_Type/);
    expect(() => parseOfacSdn('')).toThrow(ListFormatError);
    expect(() => parseOfacSdn(sdn, 'garbage without columns\n')).toThrow(/ALT\.CSV/);
  });
});

describe('parseEuConsolidated', () => {
  const entries = parseEuConsolidated(fixture('eu_fsf.xml'));

  it('parses ids, kinds and all name aliases (incl. Cyrillic and first/middle/last-only aliases)', () => {
    expect(entries.map((e) => [e.id, e.kind])).toEqual([
      ['900101', 'person'],
      ['900202', 'person'],
      ['900303', 'entity'],
      ['900404', 'entity'],
    ]);
    expect(entries[0]).toEqual({
      id: '900101',
      source: 'eu_consolidated',
      kind: 'person',
      names: ['Yuriy Matveyevich KHOLODOVSKY', 'Юрий Матвеевич Холодовский', 'Iurii Matveevich Kholodovskii'],
      birthDates: ['1968-07-09'],
      countries: ['RU'],
      programs: ['UKR'],
    });
  });

  it('decodes numeric character references and keeps Turkish letters', () => {
    expect(entries[1].names).toEqual(['Şükrü BOZKURTOĞLU', 'Şükrü İLHAN BOZKURTOĞLU', 'Shukru Bozkurtoglu']);
    expect(entries[2].names[0]).toBe('Limited Liability Company "Severnaya Chaika"');
  });

  it('handles year-only and circa birth dates, and drops the "00" unknown country', () => {
    expect(entries[1].birthDates).toEqual(['1959', '1960/1962']);
    expect(entries[1].countries).toEqual(['TR']);
  });

  it('rejects other formats and malformed XML', () => {
    expect(() => parseEuConsolidated(fixture('un_consolidated.xml'))).toThrow(/<export>/);
    expect(() => parseEuConsolidated('<export><sanctionEntity logicalId="1">')).toThrow(/malformed XML/);
    expect(() => parseEuConsolidated(fixture('ofac_sdn.csv'))).toThrow(ListFormatError);
    expect(() =>
      parseEuConsolidated('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><export/>'),
    ).toThrow(/DOCTYPE/);
  });
});

describe('parseUnConsolidated', () => {
  const entries = parseUnConsolidated(fixture('un_consolidated.xml'));

  it('parses individuals and entities with aliases and original-script names', () => {
    expect(entries.map((e) => [e.id, e.kind])).toEqual([
      ['7000101', 'person'],
      ['7000102', 'person'],
      ['7000201', 'entity'],
    ]);
    expect(entries[0]).toEqual({
      id: '7000101',
      source: 'un_consolidated',
      kind: 'person',
      names: ['VADIM SEMYONOVICH ZHELTOVSKY', 'Вадим Семёнович Желтовский', 'Vadim Zheltovskiy', 'Vadik Zheltov'],
      programs: ['DPRK'],
      birthDates: ['1962-11-30', '1962/1964'],
      countries: ['Russian Federation'],
    });
    expect(entries[1].names).toEqual(['HÜSEYİN ÇAKIRBEYLİ', 'Huseyin Cakirbeyli', 'Гусейн Чакырбейли']);
    expect(entries[1].birthDates).toEqual(['1970/1972']);
    expect(entries[2].names).toEqual([
      'GREEN MERIDIAN SHIPPING COMPANY LIMITED',
      'Green Meridian Shipping Co. Ltd.',
      'OOO Zelyony Meridian',
    ]);
  });

  it('rejects other formats and malformed XML', () => {
    expect(() => parseUnConsolidated(fixture('eu_fsf.xml'))).toThrow(/CONSOLIDATED_LIST/);
    expect(() => parseUnConsolidated('<CONSOLIDATED_LIST><INDIVIDUALS></CONSOLIDATED_LIST>')).toThrow(ListFormatError);
    expect(() => parseUnConsolidated('DATAID,NAME\n1,x')).toThrow(/not XML/);
    expect(() =>
      parseUnConsolidated('<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL><FIRST_NAME>X</FIRST_NAME></INDIVIDUAL></INDIVIDUALS></CONSOLIDATED_LIST>'),
    ).toThrow(/DATAID/);
  });

  it('refuses what would break the parser or the database as a format error: deep nesting, NUL', () => {
    const deep = (root: string) => `<${root}>${'<a>'.repeat(200)}${'</a>'.repeat(200)}</${root}>`;
    expect(() => parseEuConsolidated(deep('export'))).toThrow(ListFormatError);
    expect(() => parseUnConsolidated(deep('CONSOLIDATED_LIST'))).toThrow(/nested/);
    expect(() => parseOfacSdn(Buffer.from('36,"AERO\u0000CARIBBEAN AIRLINES",-0-,"CUBA",-0-,-0-,-0-,-0-,-0-,-0-,-0-,-0-\n', 'latin1'))).toThrow(/NUL/);
  });
});
