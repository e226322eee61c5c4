import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** The legal representative, the beneficial owners (at or above the pack's threshold) and, for partnerships, the partners of a case. */
@Entity('kyc_persons')
@Check('ck_kyc_persons_role', `"role" IN ('representative', 'owner', 'director', 'partner')`)
export class KycPersonEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Index('ix_kyc_persons_case')
  @Column('uuid', { name: 'case_id' })
  caseId: string;

  @Column('varchar', { length: 16 })
  role: 'representative' | 'owner' | 'director' | 'partner';

  /** As written in the person's documents, in any script (Cyrillic, Turkish, Latin…). */
  @Column('varchar', { name: 'full_name', length: 200 })
  fullName: string;

  /** Personal data: never logged. */
  @Column('date', { name: 'date_of_birth' })
  dateOfBirth: string;

  @Column('char', { length: 2 })
  nationality: string;

  /** The kind of identity document the number belongs to (the pack's personIdDocuments: national_id, passport, es.nie); null without a number. */
  @Column('varchar', { name: 'id_document_type', length: 40, nullable: true })
  idDocumentType: string | null;

  /** Encrypted (FieldCipher, context `kyc-person:<id>`). */
  @Column('text', { name: 'id_number_encrypted', nullable: true })
  idNumberEncrypted: string | null;

  /** Percentage of ownership, as a decimal string (e.g. "37.5"); null for non-owners. */
  @Column('numeric', { name: 'share_percent', precision: 5, scale: 2, nullable: true })
  sharePercent: string | null;
}
