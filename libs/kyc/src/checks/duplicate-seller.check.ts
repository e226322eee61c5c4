import type { CheckFinding, SubmissionCheck, SubmissionContext } from './submission-check';

/** No document of the case (by its SHA-256) was uploaded by another seller; a duplicate goes to review. */
export class DuplicateSellerCheck implements SubmissionCheck {
  readonly name = 'duplicate_seller';

  async run({ tx, kase }: SubmissionContext): Promise<CheckFinding> {
    const dupes: { seller_id: string; sha256: string }[] = await tx.query(
      `SELECT DISTINCT d2.seller_id, d2.sha256 FROM kyc_documents d1 JOIN kyc_documents d2 ON d2.sha256 = d1.sha256 AND d2.seller_id <> d1.seller_id
        WHERE d1.case_id = $1`,
      [kase.id],
    );
    return { result: dupes.length ? 'review' : 'pass', evidence: { sameDocumentOnSellers: dupes.map((d) => d.seller_id) }, ruleVersion: 'sha256' };
  }
}
