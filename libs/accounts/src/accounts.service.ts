import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AuditService } from '@app/audit';
import { Locale, RequestContext, Role } from '@app/kernel';
import { isUniqueViolation, Tx, UnitOfWork } from '@app/persistence';
import type { Reader } from '@app/persistence';
import { AccountEntity } from './entities/account.entity';
import { authError, AuthErrorCode } from './errors';
import { dummyPasswordHash, hashPassword, normalizeEmail, passwordProblem, verifyPassword } from './passwords';

export interface NewAccount {
  email: string;
  password: string;
  role: Role;
  locale: Locale;
}

@Injectable()
export class AccountsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
  ) {}

  /** Creates an account inside the caller's transaction. 409 when the email is taken (case-insensitively). */
  async create(tx: Tx, input: NewAccount): Promise<AccountEntity> {
    const problem = passwordProblem(input.password, input.email);
    if (problem) throw authError(AuthErrorCode.WEAK_PASSWORD, { reason: { t: problem } });
    const account = Object.assign(new AccountEntity(), {
      id: randomUUID(),
      email: input.email.trim(),
      emailNormalized: normalizeEmail(input.email),
      passwordHash: await hashPassword(input.password),
      role: input.role,
      locale: input.locale,
      status: 'active',
    });
    // The unique index decides (not a prior SELECT), so two concurrent sign-ups cannot both win.
    // A savepoint keeps the caller's transaction usable for its own error handling.
    try {
      await tx.query('SAVEPOINT create_account');
      await tx.insert(AccountEntity, account);
      await tx.query('RELEASE SAVEPOINT create_account');
    } catch (e) {
      await tx.query('ROLLBACK TO SAVEPOINT create_account');
      if (isUniqueViolation(e, 'uq_accounts_email_normalized')) throw authError(AuthErrorCode.EMAIL_TAKEN);
      throw e;
    }
    return account;
  }

  /**
   * Creates an ops account unless one with this email exists (idempotent: bootstrap at every boot,
   * the CLI). Audited as a system change when created.
   */
  async ensureOpsAccount(ctx: RequestContext, input: NewAccount): Promise<{ created: boolean; account: AccountEntity }> {
    return this.uow.run(async (tx) => {
      const existing = await tx.findOne(AccountEntity, { where: { emailNormalized: normalizeEmail(input.email) } });
      if (existing) return { created: false, account: existing };
      const account = await this.create(tx, input);
      await this.audit.record(tx, ctx, {
        action: 'account.created',
        targetType: 'account',
        targetId: account.id,
        changes: { role: account.role, via: ctx.actor ? 'api' : 'bootstrap' },
      });
      return { created: true, account };
    });
  }

  /** An ops_admin creates another ops member (409 if the email exists). */
  async createOpsMember(ctx: RequestContext, input: NewAccount): Promise<AccountEntity> {
    return this.uow.run(async (tx) => {
      const account = await this.create(tx, input);
      await this.audit.record(tx, ctx, {
        action: 'account.created',
        targetType: 'account',
        targetId: account.id,
        changes: { role: account.role, email: account.email },
      });
      return account;
    });
  }

  async list(filter: { role?: Role; limit: number; offset: number }): Promise<AccountEntity[]> {
    return this.uow.reader.find(AccountEntity, {
      where: filter.role ? { role: filter.role } : {},
      order: { createdAt: 'DESC', id: 'ASC' },
      take: filter.limit,
      skip: filter.offset,
    });
  }

  async get(id: string): Promise<AccountEntity> {
    const account = await this.uow.reader.findOne(AccountEntity, { where: { id } });
    if (!account) throw authError(AuthErrorCode.ACCOUNT_NOT_FOUND);
    return account;
  }

  findByEmail(tx: Reader, email: string): Promise<AccountEntity | null> {
    return tx.findOne(AccountEntity, { where: { emailNormalized: normalizeEmail(email) } });
  }

  /** Whether `password` is the account's password (argon2id; as slow for an unknown account). */
  async passwordMatches(accountId: string, password: string): Promise<boolean> {
    const account = await this.uow.reader.findOne(AccountEntity, { where: { id: accountId } });
    if (!account) {
      await verifyPassword(await dummyPasswordHash(), password);
      return false;
    }
    return verifyPassword(account.passwordHash, password);
  }

  /**
   * Deletes an account inside the caller's transaction: its sessions go with it (tokens cascade),
   * and with the row its email, password hash and language. The audit log keeps only the id.
   */
  async erase(tx: Tx, ctx: RequestContext, accountId: string, changes: Record<string, unknown> = {}): Promise<void> {
    await tx.delete(AccountEntity, { id: accountId });
    await this.audit.record(tx, ctx, { action: 'account.deleted', targetType: 'account', targetId: accountId, changes: { via: 'self_service', ...changes } });
  }
}
