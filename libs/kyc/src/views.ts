import { StreamableFile } from '@nestjs/common';
import type { Response } from 'express';
import type { RequestContext, Translator } from '@app/kernel';
import { MIN_PARTNERS } from './codes';
import type { MissingItem } from './codes';
import type { KycCaseEntity } from './entities/kyc-case.entity';
import type { KycCaseMessageEntity } from './entities/kyc-case-message.entity';
import type { KycDocumentEntity } from './entities/kyc-document.entity';
import type { KycPersonEntity } from './entities/kyc-person.entity';
import { sellerReason, sellerStatus } from './seller-facing';

/** Builders of the KYC routes' answers (their OpenAPI shapes are in kyc.views.ts); the services call them. */

type Locale = RequestContext['locale'];

/** A reason as the seller reads it (already passed through sellerReason): the code and its message in their language. */
export function reasonView<K extends string = 'code'>(code: string, t: Translator, locale: Locale, key: K = 'code' as K): Record<K, string> & { message: string } {
  return { [key]: code, message: t.t(locale, `kyc.reason.${code}`) } as Record<K, string> & { message: string };
}

export const documentView = (d: KycDocumentEntity, t: Translator, locale: Locale) => ({
  id: d.id,
  type: d.type,
  personId: d.personId,
  mediaType: d.mediaType,
  size: d.size,
  sha256: d.sha256,
  reviewStatus: d.reviewStatus,
  issuedOn: d.issuedOn,
  expiresOn: d.expiresOn,
  ...(d.reviewReason ? { feedback: reasonView(sellerReason(null, d.reviewReason)!, t, locale, 'reasonCode') } : {}),
  uploadedAt: d.uploadedAt.toISOString(),
});

export const personView = (p: KycPersonEntity) => ({ id: p.id, role: p.role, fullName: p.fullName, dateOfBirth: p.dateOfBirth, nationality: p.nationality, sharePercent: p.sharePercent, idDocumentType: p.idDocumentType });

/** The seller's checklist entries, in their language; documents named by their label in the pinned pack. */
export const checklistView = (missing: MissingItem[], labels: Map<string, Record<string, string>>, t: Translator, locale: Locale, persons: Map<string, string> = new Map()) =>
  missing.map((m) =>
    m.kind === 'representative'
      ? { item: 'representative', message: t.t(locale, 'kyc.missing.representative') }
      : m.kind === 'partners'
        ? { item: 'partners', message: t.t(locale, 'kyc.missing.partners', { min: MIN_PARTNERS }) }
        : m.kind === 'owners'
          ? { item: 'owners', message: t.t(locale, 'kyc.missing.owners', { threshold: m.threshold }) }
          : {
              item: 'document',
              type: m.type,
              // a person's document: uploaded with the personId of the person it belongs to
              ...(persons.has(m.type!) ? { person: persons.get(m.type!) } : {}),
              message: t.t(locale, 'kyc.missing.document', { document: labels.get(m.type!)?.[locale] ?? m.type }),
            },
  );

/** A review-team message as the seller reads it (never a reviewer's name). */
export const sellerMessageView = (m: KycCaseMessageEntity) => ({ id: m.id, from: 'review_team', body: m.body, sentAt: m.sentAt.toISOString() });

/** A message as ops read it. */
export const caseMessageView = (m: KycCaseMessageEntity) => ({ id: m.id, authorAccountId: m.authorAccountId, body: m.body, sentAt: m.sentAt.toISOString() });

/** The answer to a submission: the case as the seller may read it. */
export function submitResultView(kase: KycCaseEntity, t: Translator, locale: Locale) {
  const reason = sellerReason(kase.status, kase.reasonCode);
  return { caseId: kase.id, status: sellerStatus(kase.status), ...(reason ? { reason: reasonView(reason, t, locale) } : {}) };
}

const EXTENSIONS: Record<string, string> = { 'application/pdf': 'pdf', 'image/jpeg': 'jpg', 'image/png': 'png' };

/**
 * A document download: always a download (never rendered inline by the browser), never cached,
 * never sniffed. The file name is built from the document type code (ASCII by the DTO) and id, and
 * sent both plain and RFC 5987-encoded.
 */
export function attachment(res: Response, { doc, bytes }: { doc: KycDocumentEntity; bytes: Buffer }): StreamableFile {
  const name = `${doc.type}-${doc.id}.${EXTENSIONS[doc.mediaType] ?? 'bin'}`;
  const ascii = name.replace(/[^\w.-]/g, '_');
  res.setHeader('Content-Type', doc.mediaType);
  res.setHeader('Content-Disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`);
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  return new StreamableFile(bytes);
}
