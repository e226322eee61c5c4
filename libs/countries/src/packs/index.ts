import type { CountryPackInput } from '../pack/schema';
import { DE } from './de';
import { ES } from './es';
import { FR } from './fr';
import { GB } from './gb';
import { IT } from './it';
import { KZ } from './kz';
import { NL } from './nl';
import { PL } from './pl';
import { PT } from './pt';
import { RU } from './ru';
import { TR } from './tr';
import { US } from './us';

/**
 * Seed packs, loaded into the database at start-up (a country that has no version yet gets its
 * seed as version 1; later versions come from ops through the API). Seed countries first
 * (RU, TR, IT, ES), then the second tier, then countries opened as data (NL: generic identifier rules only).
 * A newer `seedRevision` than the database holds is offered to ops as a draft, never published silently.
 */
export const SEED_PACKS: readonly CountryPackInput[] = [RU, TR, IT, ES, DE, FR, PL, PT, GB, US, KZ, NL];
