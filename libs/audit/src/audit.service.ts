import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { CLOCK } from '@app/kernel';
import type { Clock, RequestContext } from '@app/kernel';
import { Tx, UnitOfWork } from '@app/persistence';
import { AuditEntryEntity } from './audit-entry.entity';

export interface AuditRecord {
  action: string;
  targetType: string;
  targetId: string;
  changes?: Record<string, unknown>;
}

export interface AuditQuery {
  action?: string;
  targetType?: string;
  targetId?: string;
  actorAccountId?: string;
  before?: Date;
  limit: number;
}

@Injectable()
export class AuditService {
  constructor(
    private readonly uow: UnitOfWork,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Records a change inside the caller's transaction, so the change and its audit entry commit together. */
  async record(tx: Tx, ctx: RequestContext, entry: AuditRecord): Promise<void> {
    await tx.insert(AuditEntryEntity, {
      id: randomUUID(),
      occurredAt: this.clock.now(),
      actorAccountId: ctx.actor?.accountId ?? null,
      actorRole: ctx.actor?.role ?? 'system',
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId,
      // jsonb column: TypeORM's deep-partial type cannot express an open record
      changes: (entry.changes ?? {}) as never,
      requestId: ctx.requestId,
    });
  }

  /** Newest first; `before` pages backwards by occurrence time. */
  async list(query: AuditQuery): Promise<AuditEntryEntity[]> {
    const qb = this.uow.reader.createQueryBuilder(AuditEntryEntity, 'a');
    if (query.action) qb.andWhere('a.action = :action', { action: query.action });
    if (query.targetType) qb.andWhere('a.targetType = :targetType', { targetType: query.targetType });
    if (query.targetId) qb.andWhere('a.targetId = :targetId', { targetId: query.targetId });
    if (query.actorAccountId) qb.andWhere('a.actorAccountId = :actor', { actor: query.actorAccountId });
    if (query.before) qb.andWhere('a.occurredAt < :before', { before: query.before });
    return qb.orderBy('a.occurredAt', 'DESC').addOrderBy('a.id', 'DESC').limit(query.limit).getMany();
  }
}
