import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { Inject, Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, resolve, sep } from 'node:path';
import { APP_CONFIG } from '../config/app-config';
import type { AppConfig } from '../config/app-config';

/**
 * Where uploaded files live (KYC documents, product images): a local folder by default, or any
 * S3-compatible bucket (DOCUMENT_STORAGE=s3). Adapters store bytes as given: personal data is
 * encrypted by the caller first (KYC documents); product images are public content and are not.
 * Each context writes under its own key prefix (`kyc/…`, `catalog/…`).
 *
 * Never write from inside a database transaction: see {@link storedBeforeCommit}.
 */
export const DOCUMENT_STORAGE = Symbol('DOCUMENT_STORAGE');

export interface DocumentStorage {
  put(key: string, data: Buffer): Promise<void>;
  get(key: string): Promise<Buffer>;
  delete(key: string): Promise<void>;
}

@Injectable()
export class LocalDocumentStorage implements DocumentStorage {
  private readonly root: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.root = resolve(process.cwd(), config.documents.storageDir);
  }

  private path(key: string): string {
    if (!/^[A-Za-z0-9/_-]{1,200}$/.test(key) || key.includes('..')) throw new Error('invalid storage key');
    const full = resolve(this.root, key);
    if (!full.startsWith(this.root + sep)) throw new Error('invalid storage key');
    return full;
  }

  async put(key: string, data: Buffer): Promise<void> {
    const file = this.path(key);
    await mkdir(dirname(file), { recursive: true, mode: 0o700 });
    // write then rename: a reader (or a crash) never sees half a file, also when a document is rewritten
    const tmp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      await writeFile(tmp, data, { mode: 0o600 });
      await rename(tmp, file);
    } catch (e) {
      await rm(tmp, { force: true });
      throw e;
    }
  }

  async get(key: string): Promise<Buffer> {
    return readFile(this.path(key));
  }

  async delete(key: string): Promise<void> {
    await rm(this.path(key), { force: true });
  }
}

/** Any S3-compatible object store, through the official AWS SDK v3 client. */
@Injectable()
export class S3DocumentStorage implements DocumentStorage {
  private readonly client: S3Client;
  private readonly bucket: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const s3 = config.documents.s3;
    if (!s3) throw new Error('DOCUMENT_STORAGE=s3 needs S3_BUCKET');
    this.bucket = s3.bucket;
    this.client = new S3Client({
      region: s3.region,
      ...(s3.endpoint ? { endpoint: s3.endpoint } : {}),
      forcePathStyle: s3.forcePathStyle,
      // the SDK's default streaming checksums are not understood by many S3-compatible stores
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      ...(s3.accessKeyId && s3.secretAccessKey ? { credentials: { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey } } : {}),
    });
  }

  async put(key: string, data: Buffer): Promise<void> {
    await this.client.send(new PutObjectCommand({ Bucket: this.bucket, Key: key, Body: data, ContentType: 'application/octet-stream' }));
  }

  async get(key: string): Promise<Buffer> {
    const res = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
    return Buffer.from(await res.Body!.transformToByteArray());
  }

  async delete(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
  }
}

/** Chooses the adapter from DOCUMENT_STORAGE. */
export function documentStorageFactory(config: AppConfig): DocumentStorage {
  return config.documents.storage === 's3' ? new S3DocumentStorage(config) : new LocalDocumentStorage(config);
}

/**
 * Writes `data` under `key` BEFORE the database work that records it, and removes it again when
 * that work fails (a rolled-back transaction, a refused check), so a rollback cannot leave an
 * orphan file and no transaction waits on the storage while it holds locks:
 *
 *     await storedBeforeCommit(storage, key, bytes, () => uow.run(async (tx) => tx.insert(…)));
 *
 * A process killed between the write and the commit can still leave a file no row names; keys
 * are random, so such a file is unreachable (and a sweep by prefix can remove it).
 */
export async function storedBeforeCommit<T>(storage: DocumentStorage, key: string, data: Buffer, work: () => Promise<T>): Promise<T> {
  await storage.put(key, data);
  try {
    return await work();
  } catch (e) {
    await storage.delete(key).catch(() => undefined);
    throw e;
  }
}

/** Deletes files AFTER the transaction that dropped their rows has committed; a failed delete leaves an unreachable file, never a dangling row. */
export async function deleteAfterCommit(storage: DocumentStorage, keys: readonly string[]): Promise<void> {
  await Promise.allSettled(keys.map((k) => storage.delete(k)));
}
