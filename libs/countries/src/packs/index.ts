import type { CountryPackInput } from '../pack/schema';
import { ES } from './es';

/**
 * Seed packs, loaded into the database at start-up (a country that has no version yet gets its
 * seed as version 1; later versions come from ops through the API).
 */
export const SEED_PACKS: readonly CountryPackInput[] = [ES];
