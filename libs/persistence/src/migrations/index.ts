import type { MigrationInterface } from 'typeorm';
import { Foundation1795430971403 } from './1795430971403-foundation';

/** The schema history, in order. A new migration is added here (see README, "Changing the schema"). */
export const MIGRATIONS: (new () => MigrationInterface)[] = [Foundation1795430971403];
