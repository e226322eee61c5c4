import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Every result a verification vendor reported, applied or not (and why not). */
@Entity('kyc_vendor_results')
export class KycVendorResultEntity {
  @PrimaryColumn('varchar', { length: 40 })
  provider: string;

  @PrimaryColumn('varchar', { name: 'result_id', length: 200 })
  resultId: string;

  @Column('uuid', { name: 'case_id', nullable: true })
  caseId: string | null;

  @Column('varchar', { length: 16 })
  outcome: string;

  @Column('timestamptz', { name: 'decided_at' })
  decidedAt: Date;

  /** applied · late (a later decision exists) · not_applicable (the case cannot move that way) · unknown_applicant */
  @Column('varchar', { length: 20 })
  disposition: string;

  @Column('timestamptz', { name: 'received_at' })
  receivedAt: Date;
}
