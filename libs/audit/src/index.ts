export * from './audit.module';
export * from './audit.service';
export { AuditEntryEntity } from './audit-entry.entity';
