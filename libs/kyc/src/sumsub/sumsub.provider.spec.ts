import { describe, expect, it } from '@jest/globals';
import { createHmac } from 'node:crypto';
import { loadConfig } from '@app/kernel';
import { VendorSignatureError } from '../verification.port';
import { parseSumsubTime, reasonFromLabels, signSumsubRequest, SumsubProvider } from './sumsub.provider';

const config = { apiUrl: 'http://127.0.0.1:1', appToken: 'tok', secretKey: 'key', webhookSecret: 'whsecret', levelName: 'basic-kyc-level' };
const sign = (body: Buffer, alg = 'sha256', secret = config.webhookSecret) => createHmac(alg, secret).update(body).digest('hex');
const reviewed = (review: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  Buffer.from(JSON.stringify({ type: 'applicantReviewed', applicantId: '5f1', externalUserId: 'c7a9a3c2-9c51-4a86-9a2f-3d1f1b0c8e11', createdAtMs: '2026-05-02 10:11:12.345', reviewResult: review, ...extra }));

describe('SumsubProvider', () => {
  const sumsub = new SumsubProvider(config);

  it('signs API requests as Sumsub documents: HMAC-SHA256 over ts + METHOD + path + body', () => {
    expect(signSumsubRequest('key', 1700000000, 'post', '/resources/applicants?levelName=x', '{"a":1}')).toBe(
      createHmac('sha256', 'key').update('1700000000POST/resources/applicants?levelName=x{"a":1}').digest('hex'),
    );
  });

  it('verifies X-Payload-Digest over the raw bytes with the announced algorithm', () => {
    const body = reviewed({ reviewAnswer: 'GREEN' });
    expect(sumsub.parseWebhook(body, { 'x-payload-digest': sign(body) }).kind).toBe('result');
    expect(sumsub.parseWebhook(body, { 'x-payload-digest': sign(body, 'sha512'), 'x-payload-digest-alg': 'HMAC_SHA512_HEX' }).kind).toBe('result');
    expect(sumsub.parseWebhook(body, { 'x-payload-digest': sign(body, 'sha1'), 'x-payload-digest-alg': 'HMAC_SHA1_HEX' }).kind).toBe('result');
    const refused = (headers: Record<string, string>, raw = body) => {
      try {
        sumsub.parseWebhook(raw, headers);
        return 'accepted';
      } catch (e) {
        return (e as VendorSignatureError).reason;
      }
    };
    expect(refused({})).toBe('missing');
    expect(refused({ 'x-payload-digest': sign(body, 'sha256', 'other') })).toBe('mismatch');
    expect(refused({ 'x-payload-digest': sign(body) }, Buffer.from(JSON.stringify(JSON.parse(body.toString()), null, 1)))).toBe('mismatch');
    expect(refused({ 'x-payload-digest': sign(body), 'x-payload-digest-alg': 'HMAC_MD5_HEX' })).toBe('unsupported_algorithm');
    expect(refused({ 'x-payload-digest': 'zz' })).toBe('malformed');
  });

  it('turns applicantReviewed into results with stable ids, and acknowledges everything else', () => {
    const green = reviewed({ reviewAnswer: 'GREEN' });
    const a = sumsub.parseWebhook(green, { 'x-payload-digest': sign(green) });
    const b = sumsub.parseWebhook(green, { 'x-payload-digest': sign(green) });
    expect(a).toEqual(b);
    expect(a).toEqual({
      kind: 'result',
      result: { provider: 'sumsub', applicantId: 'c7a9a3c2-9c51-4a86-9a2f-3d1f1b0c8e11', vendorApplicantId: '5f1', resultId: expect.stringMatching(/^[0-9a-f]{64}$/), outcome: 'approved', decidedAt: new Date('2026-05-02T10:11:12.345Z') },
    });
    const retry = reviewed({ reviewAnswer: 'RED', reviewRejectType: 'RETRY', rejectLabels: ['LOW_QUALITY'], clientComment: 'internal' });
    expect(sumsub.parseWebhook(retry, { 'x-payload-digest': sign(retry) })).toMatchObject({ result: { outcome: 'retry', reasonCode: 'DOCUMENT_UNREADABLE' } });
    const final = reviewed({ reviewAnswer: 'RED', reviewRejectType: 'FINAL', rejectLabels: ['PEP', 'LOW_QUALITY'] });
    expect(sumsub.parseWebhook(final, { 'x-payload-digest': sign(final) })).toMatchObject({ result: { outcome: 'rejected', reasonCode: 'SANCTIONS_HIT' } });
    expect(JSON.stringify(sumsub.parseWebhook(retry, { 'x-payload-digest': sign(retry) }))).not.toContain('internal');
    const pending = Buffer.from(JSON.stringify({ type: 'applicantPending', applicantId: '5f1', externalUserId: 'x' }));
    expect(sumsub.parseWebhook(pending, { 'x-payload-digest': sign(pending) })).toEqual({ kind: 'ignored', type: 'applicantPending' });
  });

  it('maps reject labels and reads Sumsub timestamps', () => {
    expect(reasonFromLabels(['EXPIRATION_DATE'], 'RETRY')).toBe('DOCUMENT_EXPIRED');
    expect(reasonFromLabels(['SOMETHING_NEW'], 'RETRY')).toBe('IDENTITY_CHECK_FAILED');
    expect(reasonFromLabels([], 'FINAL')).toBe('OTHER');
    expect(parseSumsubTime('2026-05-02 10:11:12+0000')?.toISOString()).toBe('2026-05-02T10:11:12.000Z');
    expect(parseSumsubTime('2026-05-02T10:11:12.5+02:00')?.toISOString()).toBe('2026-05-02T08:11:12.500Z');
    expect(parseSumsubTime('yesterday')).toBeNull();
  });

  it('fails the boot naming the missing Sumsub variable, and never echoes a secret', () => {
    expect(() => loadConfig({ NODE_ENV: 'test', KYC_PROVIDER: 'sumsub', SUMSUB_APP_TOKEN: 't', SUMSUB_SECRET_KEY: 'k', SUMSUB_LEVEL_NAME: 'l' })).toThrow(/SUMSUB_WEBHOOK_SECRET is required when KYC_PROVIDER=sumsub/);
    expect(loadConfig({ NODE_ENV: 'test' }).kyc).toEqual({ provider: 'manual', sumsub: undefined });
    const ok = loadConfig({ NODE_ENV: 'test', KYC_PROVIDER: 'sumsub', SUMSUB_APP_TOKEN: 't', SUMSUB_SECRET_KEY: 'k', SUMSUB_WEBHOOK_SECRET: 'w', SUMSUB_LEVEL_NAME: 'basic-kyc-level' });
    expect(ok.kyc.sumsub).toEqual({ apiUrl: 'https://api.sumsub.com', appToken: 't', secretKey: 'k', webhookSecret: 'w', levelName: 'basic-kyc-level' });
    expect(() => loadConfig({ NODE_ENV: 'test', KYC_PROVIDER: 'onfido' })).toThrow(/KYC_PROVIDER must be one of manual, sumsub/);
  });
});
