import { Inject, Injectable } from '@nestjs/common';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, resolve, sep } from 'node:path';
import { APP_CONFIG } from '@app/kernel';
import type { AppConfig } from '@app/kernel';

/**
 * Where document bytes live. Callers hand over bytes that are ALREADY encrypted; adapters only
 * store them. Local folder by default; an S3-compatible adapter is the next one to add (see notes).
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
    await writeFile(file, data, { mode: 0o600 });
  }

  async get(key: string): Promise<Buffer> {
    return readFile(this.path(key));
  }

  async delete(key: string): Promise<void> {
    await rm(this.path(key), { force: true });
  }
}
