import { describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { FieldCipher } from './field-cipher';

const key = (id: string) => ({ id, key: randomBytes(32) });

describe('FieldCipher (AES-256-GCM)', () => {
  it('round-trips and never stores the plaintext', () => {
    const c = new FieldCipher([key('k1')]);
    const sealed = c.encrypt('TR330006100519786457841326', 'bank:seller-1');
    expect(sealed).toMatch(/^v1\.k1\./);
    expect(sealed).not.toContain('7864578');
    expect(c.decryptText(sealed, 'bank:seller-1')).toBe('TR330006100519786457841326');
    expect(c.encrypt('same', 'ctx')).not.toBe(c.encrypt('same', 'ctx'));
  });

  it('refuses a value moved to another context or tampered with', () => {
    const c = new FieldCipher([key('k1')]);
    const sealed = c.encrypt('secret', 'bank:seller-1');
    expect(() => c.decrypt(sealed, 'bank:seller-2')).toThrow();
    const parts = sealed.split('.');
    parts[4] = Buffer.from('tampered').toString('base64url');
    expect(() => c.decrypt(parts.join('.'), 'bank:seller-1')).toThrow();
  });

  it('rotates: the first key encrypts, older keys still decrypt', () => {
    const old = key('2025');
    const sealedWithOld = new FieldCipher([old]).encrypt('secret', 'ctx');
    const rotated = new FieldCipher([key('2026'), old]);
    expect(rotated.decryptText(sealedWithOld, 'ctx')).toBe('secret');
    expect(rotated.encrypt('secret', 'ctx')).toMatch(/^v1\.2026\./);
    expect(() => new FieldCipher([key('2026')]).decrypt(sealedWithOld, 'ctx')).toThrow();
  });

  it('parses the DATA_ENCRYPTION_KEYS format and rejects short keys', () => {
    const k = randomBytes(32).toString('base64');
    expect(FieldCipher.parse(`a:${k}, b:${k}`).map((x) => x.id)).toEqual(['a', 'b']);
    expect(() => new FieldCipher(FieldCipher.parse('a:c2hvcnQ='))).toThrow(/32 bytes/);
  });
});

describe('FieldCipher key rotation', () => {
  it('re-encrypts a value under the active key and leaves values already under it alone', () => {
    const old = key('k1');
    const current = key('k2');
    const before = new FieldCipher([old]).encrypt('IT60X0542811101000000123456', 'bank-account:s1');
    const rotated = new FieldCipher([current, old]);
    expect(FieldCipher.keyIdOf(before)).toBe('k1');
    const after = rotated.reencrypt(before, 'bank-account:s1');
    expect(after && FieldCipher.keyIdOf(after)).toBe('k2');
    expect(rotated.reencrypt(after!, 'bank-account:s1')).toBeNull();
    // readable without the old key once re-encrypted
    expect(new FieldCipher([current]).decryptText(after!, 'bank-account:s1')).toBe('IT60X0542811101000000123456');
    // the context still binds: a value cannot be re-encrypted into another row
    expect(() => rotated.reencrypt(before, 'bank-account:s2')).toThrow();
    expect(FieldCipher.keyIdOf('plain text')).toBeUndefined();
  });
});
