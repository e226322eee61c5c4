import { Agent, request as httpRequest } from 'node:http';
import { connect } from 'node:net';

/** One answer as a client sees it: status (0 = none in time), headers, parsed JSON body, milliseconds. */
export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
  text: string;
  ms: number;
}

const json = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

/**
 * A request sent with node:http exactly as given: the path is not normalised or re-encoded (broken
 * percent-encoding stays broken), the body is sent as raw bytes with whatever headers are passed.
 */
export function send(
  port: number,
  agent: Agent,
  method: string,
  path: string,
  options: { headers?: Record<string, string>; body?: string | Buffer; timeoutMs?: number } = {},
): Promise<Answer> {
  const started = Date.now();
  return new Promise((resolve) => {
    const req = httpRequest({ host: '127.0.0.1', port, method, path, agent, headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: json(text), text, ms: Date.now() - started });
      });
      res.on('error', () => resolve({ status: 0, headers: {}, body: undefined, text: 'response error', ms: Date.now() - started }));
    });
    req.setTimeout(options.timeoutMs ?? 3000, () => {
      req.destroy();
      resolve({ status: 0, headers: {}, body: undefined, text: 'no answer', ms: Date.now() - started });
    });
    req.on('error', (e) => resolve({ status: 0, headers: {}, body: undefined, text: `request error: ${e.message}`, ms: Date.now() - started }));
    req.end(options.body);
  });
}

/**
 * Bytes written straight to a socket (what node:http refuses to send: a declared length with a
 * missing body, bad chunk sizes, NUL in a header…); resolves with the first complete response,
 * or status 0 when none arrives within `timeoutMs`.
 */
export function rawExchange(port: number, bytes: string | Buffer, timeoutMs = 2000): Promise<Answer> {
  const started = Date.now();
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let data = Buffer.alloc(0);
    let done = false;
    const finish = (a: Omit<Answer, 'ms'>) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      resolve({ ...a, ms: Date.now() - started });
    };
    const parse = (final: boolean) => {
      const end = data.indexOf('\r\n\r\n');
      if (end < 0) return final ? finish({ status: 0, headers: {}, body: undefined, text: data.toString('latin1') }) : undefined;
      const lines = data.subarray(0, end).toString('latin1').split('\r\n');
      const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(lines[0])?.[1] ?? 0);
      const headers: Record<string, string> = {};
      for (const line of lines.slice(1)) {
        const i = line.indexOf(':');
        if (i > 0) headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
      }
      const length = Number(headers['content-length'] ?? NaN);
      const body = data.subarray(end + 4);
      if (Number.isFinite(length) ? body.length >= length : final) {
        const text = body.subarray(0, Number.isFinite(length) ? length : body.length).toString('utf8');
        finish({ status, headers, body: json(text), text });
      }
    };
    const timer = setTimeout(() => finish({ status: 0, headers: {}, body: undefined, text: 'no answer' }), timeoutMs);
    socket.on('data', (c: Buffer) => {
      data = Buffer.concat([data, c]);
      parse(false);
    });
    socket.on('end', () => parse(true));
    socket.on('close', () => parse(true));
    socket.on('error', () => parse(true));
    socket.write(bytes);
  });
}

/**
 * Problems with one answer to a hostile request: a 5xx, no answer within `maxMs`, or a 4xx outside the envelope.
 * `maxMs` tells a hang (a request left waiting for a body, a lock, a timeout) from an answer; it is no speed target
 * (those are measured in bench/). 2.5 s, under the clients' own 2–3 s timeouts: a hostile request answered in 1.2 s
 * failed a CI run whose two cores also ran Chromium and a second jest worker.
 */
export function envelopeProblems(label: string, a: Answer, maxMs = 2500): string[] {
  if (a.status === 0) return [`${label}: no answer (${a.text.slice(0, 120)})`];
  if (a.status >= 500) return [`${label}: ${a.status} ${a.text.slice(0, 300)}`];
  const out: string[] = [];
  if (a.ms > maxMs) out.push(`${label}: answered after ${a.ms} ms`);
  if (a.status >= 400) {
    const b = a.body as { error?: { code?: unknown; message?: unknown; details?: unknown }; requestId?: unknown } | undefined;
    const ok =
      typeof b?.error?.code === 'string' &&
      typeof b.error.message === 'string' &&
      Array.isArray(b.error.details) &&
      typeof b.requestId === 'string' &&
      b.requestId.length > 0 &&
      a.headers['x-request-id'] === b.requestId;
    if (!ok) out.push(`${label}: ${a.status} outside the envelope: ${a.text.slice(0, 200)}`);
  }
  return out;
}
