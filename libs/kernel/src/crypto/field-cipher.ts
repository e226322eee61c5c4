import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * Encrypts personal data at rest (bank account numbers; later KYC documents) with AES-256-GCM.
 * Keys are `id:base64(32 bytes)`, comma-separated: the first encrypts, all decrypt, so a key can
 * be rotated by putting the new one first and keeping the old one until data is re-encrypted.
 * Ciphertext format: `v1.<keyId>.<iv>.<tag>.<data>` (base64url parts); the key id and the caller's
 * context string are authenticated, so a value cannot be moved to another row or purpose.
 */
export interface CipherKey {
  id: string;
  key: Buffer;
}

export class FieldCipher {
  private readonly keys: Map<string, Buffer>;
  private readonly active: CipherKey;

  constructor(keys: CipherKey[]) {
    if (!keys.length) throw new Error('FieldCipher needs at least one key');
    for (const k of keys) {
      if (!/^[A-Za-z0-9_-]{1,32}$/.test(k.id)) throw new Error('cipher key ids are 1-32 characters [A-Za-z0-9_-]');
      if (k.key.length !== 32) throw new Error(`cipher key ${k.id} must be 32 bytes`);
    }
    this.keys = new Map(keys.map((k) => [k.id, k.key]));
    this.active = keys[0];
  }

  static parse(spec: string): CipherKey[] {
    return spec
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
      .map((entry) => {
        const [id, b64] = entry.split(':');
        return { id, key: Buffer.from(b64 ?? '', 'base64') };
      });
  }

  get activeKeyId(): string {
    return this.active.id;
  }

  encrypt(plaintext: string | Buffer, context: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.active.key, iv);
    cipher.setAAD(Buffer.from(`${this.active.id}|${context}`));
    const data = Buffer.concat([cipher.update(plaintext), cipher.final()]);
    const b = (x: Buffer) => x.toString('base64url');
    return `v1.${this.active.id}.${b(iv)}.${b(cipher.getAuthTag())}.${b(data)}`;
  }

  decrypt(ciphertext: string, context: string): Buffer {
    const [version, keyId, iv, tag, data] = ciphertext.split('.');
    const key = this.keys.get(keyId);
    if (version !== 'v1' || !key || !iv || !tag || data === undefined) throw new Error('cannot decrypt: unknown format or key');
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(`${keyId}|${context}`));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]);
  }

  decryptText(ciphertext: string, context: string): string {
    return this.decrypt(ciphertext, context).toString('utf8');
  }

  /** The id of the key a value was encrypted under (undefined when it is not our format). */
  static keyIdOf(ciphertext: string): string | undefined {
    const m = /^v1\.([A-Za-z0-9_-]{1,32})\./.exec(ciphertext);
    return m?.[1];
  }

  /** The value encrypted under the active key, or null when it already is (same context). */
  reencrypt(ciphertext: string, context: string): string | null {
    if (FieldCipher.keyIdOf(ciphertext) === this.active.id) return null;
    return this.encrypt(this.decrypt(ciphertext, context), context);
  }
}

/**
 * A set of values encrypted with {@link FieldCipher} that can be moved to the active key, so an old
 * key can leave DATA_ENCRYPTION_KEYS (`npm run cli -- reencrypt`). Each context owns its sets.
 */
export interface EncryptedDataSet {
  /** e.g. `payout_bank_accounts.number_encrypted` */
  readonly name: string;
  /** How many values are under each key id (`unknown` for values not yet inspected). */
  census(): Promise<Record<string, number>>;
  /**
   * Re-encrypts up to `limit` values that are not under the active key; returns how many it looked
   * at (0 when none is left). Safe to run while the service runs and to interrupt.
   */
  reencryptBatch(limit: number): Promise<number>;
}
