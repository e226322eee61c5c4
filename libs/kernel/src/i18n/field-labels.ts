import type { LocalizedTextParam } from '../errors/app-error';

/**
 * How input fields are named to the people who fill them in. A detail's `field` is a PATH in one
 * notation (see README, Errors): object keys joined by dots, list indices and map keys in brackets —
 * `registeredAddress.postalCode`, `persons[0].idDocumentNumber`, `identifiers[tr.vkn]`. Its MESSAGE
 * never shows that path: each context registers a label per path (list indices written `[]`, the
 * item's position filled into `{{n}}`), and the error renderer names the field by its label in the
 * caller's language. A path without a label (an operator's field in a pack draft, an unknown key the
 * caller sent) is shown as it is.
 */
const labels = new Map<string, Readonly<Record<string, string>>>();

export function registerFieldLabels(entries: Readonly<Record<string, Readonly<Record<string, string>>>>): void {
  for (const [path, label] of Object.entries(entries)) {
    const existing = labels.get(path);
    if (existing && JSON.stringify(existing) !== JSON.stringify(label)) throw new Error(`field label of ${path} is registered twice`);
    labels.set(path, label);
  }
}

/** The registered label of a detail path, with the list position filled in; undefined when none is registered. */
export function fieldLabel(path: string): LocalizedTextParam | undefined {
  const positions: number[] = [];
  const pattern = path.replace(/\[(\d+)\]/g, (_, i: string) => {
    positions.push(Number(i) + 1);
    return '[]';
  });
  const label = labels.get(pattern);
  if (!label) return undefined;
  return { text: Object.fromEntries(Object.entries(label).map(([l, text]) => [l, text.replace(/\{\{n\}\}/g, String(positions[0] ?? ''))])) };
}

/** Every registered path (for the completeness tests). */
export const registeredFieldPaths = (): string[] => [...labels.keys()].sort();
