/**
 * Where the scheduled fetch gets the official files. The real adapter is plain HTTP (Node's fetch,
 * i.e. undici) against the configured URL; tests point the URLs at a local double
 * (test/doubles/fx-feed-double.ts). Bytes come back unparsed: the importers judge them.
 */
export const FX_FEED = Symbol('FX_FEED');

export interface FxFeed {
  download(url: string, maxBytes: number): Promise<Buffer>;
}

export class FxFeedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FxFeedError';
  }
}

export class HttpFxFeed implements FxFeed {
  constructor(private readonly timeoutMs = 30_000) {}

  async download(url: string, maxBytes: number): Promise<Buffer> {
    const res = await fetch(url, { signal: AbortSignal.timeout(this.timeoutMs), headers: { accept: 'application/xml, text/xml' }, redirect: 'follow' });
    if (!res.ok) throw new FxFeedError(`GET ${new URL(url).host} answered ${res.status}`);
    const declared = Number(res.headers.get('content-length') ?? '0');
    if (declared > maxBytes) throw new FxFeedError(`the file is larger than ${maxBytes} bytes`);
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of res.body ?? []) {
      size += (chunk as Uint8Array).byteLength;
      if (size > maxBytes) throw new FxFeedError(`the file is larger than ${maxBytes} bytes`);
      chunks.push(Buffer.from(chunk as Uint8Array));
    }
    return Buffer.concat(chunks);
  }
}
