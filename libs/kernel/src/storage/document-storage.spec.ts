import { describe, expect, it } from '@jest/globals';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { loadConfig } from '../config/app-config';
import { deleteAfterCommit, LocalDocumentStorage, storedBeforeCommit } from './document-storage';

async function local() {
  const dir = await mkdtemp(join(tmpdir(), 'ltg-storage-'));
  const storage = new LocalDocumentStorage(loadConfig({ NODE_ENV: 'test', DOCUMENT_STORAGE_DIR: relative(process.cwd(), dir) }));
  const files = async (): Promise<string[]> => (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => e.name);
  return { storage, files, done: () => rm(dir, { recursive: true, force: true }) };
}

describe('storage writes around a transaction', () => {
  it('keeps the file when the work commits and removes it when the work fails (no orphan after a rollback)', async () => {
    const { storage, files, done } = await local();
    try {
      await expect(storedBeforeCommit(storage, 'catalog/images/p/a', Buffer.from('one'), async () => 'committed')).resolves.toBe('committed');
      expect((await storage.get('catalog/images/p/a')).toString()).toBe('one');
      await expect(storedBeforeCommit(storage, 'catalog/images/p/b', Buffer.from('two'), async () => Promise.reject(new Error('rolled back')))).rejects.toThrow('rolled back');
      expect(await files()).toEqual(['a']);
      await deleteAfterCommit(storage, ['catalog/images/p/a', 'catalog/images/p/missing']);
      expect(await files()).toEqual([]);
    } finally {
      await done();
    }
  });

  it('refuses keys that could leave the storage folder', async () => {
    const { storage, done } = await local();
    try {
      await expect(storage.put('../escape', Buffer.from('x'))).rejects.toThrow('invalid storage key');
      await expect(storage.put('a/../../b', Buffer.from('x'))).rejects.toThrow('invalid storage key');
    } finally {
      await done();
    }
  });
});
