import { EU_VAT_EXAMPLES, IDENTIFIER_TYPES } from '../identifiers';
import { packDefinition } from './identifier-types';
import type { CountryPackDocument, IdentifierRule } from './schema';

/**
 * The example a country spec shows for one identifier of a legal form: the pack's own, else the
 * member state's for `eu.vat`, else the type's. The pack checks make sure it passes the rule.
 */
export function identifierExample(rule: Pick<IdentifierRule, 'type' | 'prefix' | 'example'>, pack: Pick<CountryPackDocument, 'country' | 'identifierTypes'>): string | undefined {
  if (rule.example) return rule.example;
  if (rule.type === 'eu.vat' && rule.prefix) return EU_VAT_EXAMPLES[rule.prefix];
  return packDefinition(pack, rule.type)?.example ?? IDENTIFIER_TYPES.get(rule.type)?.example;
}
