import { parseCbr } from './cbr';
import { parseEcb } from './ecb';
import { parseTcmb } from './tcmb';
import type { FxSource, ParsedFxFile } from './types';

export * from './types';
export { parseEcb } from './ecb';
export { parseCbr } from './cbr';
export { parseTcmb, TCMB_RATE_KIND } from './tcmb';

/** The importer of a source. */
export function parseFxFile(source: FxSource, bytes: Buffer): ParsedFxFile {
  if (source === 'ecb') return parseEcb(bytes);
  if (source === 'cbr') return parseCbr(bytes);
  return parseTcmb(bytes);
}
