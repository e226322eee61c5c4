import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { TestApp } from './app';
import { ISSUED_TODAY, PDF } from './files';

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

/**
 * Takes a seller (business profile already given) through KYC as they would: declares the
 * representative, uploads every document the checklist asks for (distinct files), and submits.
 * Returns the submission's answer (`approved`, or `in_review` without a loaded sanctions list).
 */
export async function submitKyc(
  http: TestApp['http'],
  token: string,
  persons: { role: 'representative' | 'owner'; fullName: string; dateOfBirth?: string; nationality: string; sharePercent?: string }[],
): Promise<{ caseId: string; status: string }> {
  const declared = await request(http)
    .put('/v1/sellers/me/kyc/persons')
    .set(bearer(token))
    // a company without declared owners declares that no one holds the threshold (the pack's uboThresholdPercent)
    .send({ persons: persons.map((p) => ({ dateOfBirth: '1980-01-15', ...p })), ...(persons.some((p) => p.role === 'owner') ? {} : { noOwnersAtOrAboveThreshold: true }) });
  if (declared.status !== 200) throw new Error(`persons: ${declared.status} ${JSON.stringify(declared.body)}`);
  const view = await request(http).get('/v1/sellers/me/kyc').set(bearer(token));
  for (const item of view.body.checklist as { item: string; type?: string; person?: string }[]) {
    if (item.item !== 'document') continue;
    const file = Buffer.concat([PDF, Buffer.from(`% ${randomUUID()}\n`)]);
    let req = request(http).post('/v1/sellers/me/kyc/documents').set(bearer(token)).field('type', item.type!).field('issuedOn', ISSUED_TODAY);
    // a person's document (the representative's ID) names whose it is
    if (item.person) req = req.field('personId', representativeId(view.body));
    const up = await req.attach('file', file, { filename: 'd.pdf', contentType: 'application/pdf' });
    if (up.status !== 201) throw new Error(`upload ${item.type}: ${up.status} ${JSON.stringify(up.body)}`);
  }
  const submitted = await request(http).post('/v1/sellers/me/kyc/submit').set(bearer(token));
  if (submitted.status !== 200) throw new Error(`submit: ${submitted.status} ${JSON.stringify(submitted.body)}`);
  return submitted.body;
}

/** The id of the legal representative declared on the seller's KYC view (`GET /v1/sellers/me/kyc`). */
export function representativeId(view: { persons?: { id: string; role: string }[] }): string {
  const rep = view.persons?.find((p) => p.role === 'representative');
  if (!rep) throw new Error('no representative declared');
  return rep.id;
}

/**
 * Uploads one document as a seller would, with its issue date and, for a person's document
 * (`representative_id`), the representative's id read from the KYC view.
 */
export async function uploadDocument(http: TestApp['http'], token: string, type: string, file: Buffer, extra: Record<string, string> = {}) {
  let req = request(http).post('/v1/sellers/me/kyc/documents').set(bearer(token)).field('type', type).field('issuedOn', ISSUED_TODAY);
  if (type === 'representative_id' && !('personId' in extra)) req = req.field('personId', representativeId((await request(http).get('/v1/sellers/me/kyc').set(bearer(token))).body));
  for (const [k, v] of Object.entries(extra)) req = req.field(k, v);
  return req.attach('file', file, { filename: 'd.pdf', contentType: 'application/pdf' });
}

/** An ops decision on the seller's current case (by case id). */
export async function decideKyc(http: TestApp['http'], opsToken: string, caseId: string, decision: string, extra: object = {}) {
  const res = await request(http).post(`/v1/ops/kyc/cases/${caseId}/decisions`).set(bearer(opsToken)).send({ decision, ...extra });
  if (res.status !== 200) throw new Error(`decision ${decision}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string; status: string };
}

/** Submits and, when the case goes to review, has ops approve it: the seller ends approved. */
export async function passKyc(http: TestApp['http'], token: string, opsToken: string, country: string, name = 'Maria Rossi'): Promise<string> {
  const submitted = await submitKyc(http, token, [{ role: 'representative', fullName: name, nationality: country }]);
  if (submitted.status !== 'approved') await decideKyc(http, opsToken, submitted.caseId, 'approve');
  return submitted.caseId;
}

/** What would tip a seller off about screening: list names, screening words. */
const SCREENING_WORDS = /\bOFAC\b|\bSDN\b|SDGT|SDNTK|RUSSIA-EO|consolidated|eu_fsf|SANCTION|SCREENING|watch ?list/i;

/**
 * Scans every seller-facing response recorded so far for screening words, and for the entry ids
 * and matched names of every match screening stored (the evidence ops see). Returns the offences
 * ("METHOD path: what"), to assert empty.
 */
export async function tippingOff(t: TestApp): Promise<string[]> {
  const rows: { hits: { entryId: string; matchedName: string }[] | null }[] = (await t.sql.query(`SELECT evidence -> 'hits' AS hits FROM kyc_checks WHERE kind = 'sanctions'`)).rows;
  const hits = rows.flatMap((r) => r.hits ?? []);
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const secrets = [
    ...new Set(hits.map((h) => `(?<![0-9A-Za-z])${escape(h.entryId)}(?![0-9A-Za-z])`)),
    ...new Set(hits.map((h) => escape(h.matchedName))),
  ].map((p) => new RegExp(p, 'i'));
  const offences: string[] = [];
  for (const r of t.sellerResponses) {
    for (const re of [SCREENING_WORDS, ...secrets]) {
      const m = r.body.match(re);
      if (m) offences.push(`${r.method} ${r.path} ${r.status}: ${m[0]} in …${r.body.slice(Math.max(0, (m.index ?? 0) - 60), (m.index ?? 0) + 60)}…`);
    }
  }
  return offences;
}
