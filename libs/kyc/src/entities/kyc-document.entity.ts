import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { DocumentReviewStatus } from '../codes';

/** An uploaded document: metadata here, encrypted bytes in the document storage. */
@Entity('kyc_documents')
@Index('ix_kyc_documents_sha256', ['sha256'])
@Check('ck_kyc_documents_status', `"review_status" IN ('pending', 'accepted', 'rejected')`)
export class KycDocumentEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Index('ix_kyc_documents_case')
  @Column('uuid', { name: 'case_id' })
  caseId: string;

  @Column('uuid', { name: 'seller_id' })
  sellerId: string;

  /** A document type of the case's pack (`es.escritura`, `representative_id`, …). */
  @Column('varchar', { length: 64 })
  type: string;

  @Column('uuid', { name: 'person_id', nullable: true })
  personId: string | null;

  /** Judged from the bytes (magic numbers), never from the name or header. */
  @Column('varchar', { name: 'media_type', length: 40 })
  mediaType: string;

  @Column('integer')
  size: number;

  /** SHA-256 of the plaintext: integrity, and the same file on two sellers is flagged. */
  @Column('char', { length: 64 })
  sha256: string;

  @Column('varchar', { name: 'storage_key', length: 200 })
  storageKey: string;

  @Column('varchar', { name: 'review_status', length: 16, default: 'pending' })
  reviewStatus: DocumentReviewStatus;

  @Column('varchar', { name: 'review_reason', length: 64, nullable: true })
  reviewReason: string | null;

  /** Issue date printed on the document, when the seller gave it (checked against the type's maximum age). */
  @Column('date', { name: 'issued_on', nullable: true })
  issuedOn: string | null;

  /** Expiry date printed on the document (IDs, certificates): an approved case is re-verified when it passes. */
  @Index('ix_kyc_documents_expires_on')
  @Column('date', { name: 'expires_on', nullable: true })
  expiresOn: string | null;

  @Column('timestamptz', { name: 'uploaded_at' })
  uploadedAt: Date;

  /** Key id the stored bytes are encrypted under (null: stored before it was recorded; the bytes tell). */
  @Column('varchar', { name: 'cipher_key_id', length: 32, nullable: true })
  cipherKeyId: string | null;
}
