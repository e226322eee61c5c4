import { Inject, Injectable, Logger } from '@nestjs/common';
import { CountryRulesService } from '@app/countries';
import { JobHandler, JobProcessor } from '@app/jobs';
import { CLOCK, systemContext } from '@app/kernel';
import type { Clock } from '@app/kernel';
import { UnitOfWork } from '@app/persistence';
import { KycCaseEntity } from './entities/kyc-case.entity';
import { ReverificationOnPublish } from './reverification';

export const DOCUMENT_EXPIRY_JOB = 'kyc.document-expiry';

/** Daily: an approved case holding a document past its printed expiry date is re-verified. */
@Injectable()
@JobHandler({ name: DOCUMENT_EXPIRY_JOB, schedule: '20 3 * * *', retryLimit: 3 })
export class DocumentExpiryJob implements JobProcessor {
  private readonly logger = new Logger('Kyc');

  constructor(
    private readonly uow: UnitOfWork,
    private readonly reverification: ReverificationOnPublish,
    private readonly countries: CountryRulesService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async handle(): Promise<void> {
    const today = this.clock.now().toISOString().slice(0, 10);
    const due: { id: string }[] = await this.uow.reader.query(
      `SELECT DISTINCT c.id FROM kyc_cases c JOIN kyc_documents d ON d.case_id = c.id
        WHERE c.status = 'approved' AND d.review_status <> 'rejected' AND d.expires_on <= $1`,
      [today],
    );
    for (const { id } of due) {
      await this.uow.run(async (tx) => {
        const kase = await tx.findOne(KycCaseEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
        if (kase?.status !== 'approved') return;
        const { version } = await this.countries.published(kase.country, tx);
        await this.reverification.reopen(tx, systemContext('document-expiry'), kase, version, 'DOCUMENT_EXPIRED', `expired on or before ${today}`, (d) => !d.expiresOn || d.expiresOn > today);
      });
    }
    if (due.length) this.logger.log(`re-verification opened for ${due.length} case(s) with expired documents`);
  }
}
