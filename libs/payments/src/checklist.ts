import type { RequirementsSnapshot } from './ports';

/** Requirement paths grouped into tasks a seller understands; unknown future paths fall back to `other`. */
const GROUPS: [RegExp, string][] = [
  [/^external_account/, 'bank_account'],
  [/^tos_acceptance\./, 'terms'],
  [/(^|\.)verification\.(additional_)?document/, 'identity_document'],
  [/^company\.tax_id/, 'company_tax_id'],
  [/^company\.(address|name|phone|registration_number|structure)/, 'company_details'],
  [/^company\.(owners_provided|directors_provided|executives_provided)|^(owners|directors|executives)\./, 'owners'],
  [/^(representative|individual|person_[A-Za-z0-9]+)\.(dob|first_name|last_name|address|email|phone|id_number|ssn_last_4|relationship|nationality)/, 'representative'],
  [/^business_profile\./, 'business_profile'],
  [/^settings\./, 'settings'],
];

export const CHECKLIST_TASKS = ['bank_account', 'terms', 'identity_document', 'company_tax_id', 'company_details', 'owners', 'representative', 'business_profile', 'settings', 'other'] as const;
export type ChecklistTask = (typeof CHECKLIST_TASKS)[number];

export interface ChecklistItem {
  task: ChecklistTask;
  /** `past_due` blocks payouts now; `currently_due` must be done by the deadline; `eventually_due` later. */
  due: 'past_due' | 'currently_due' | 'eventually_due' | 'pending_verification';
  requirements: string[];
  /** Processor error codes for requirements that were rejected and must be provided again. */
  errors: string[];
}

export function taskOf(requirement: string): ChecklistTask {
  for (const [pattern, task] of GROUPS) if (pattern.test(requirement)) return task as ChecklistTask;
  return 'other';
}

/** One item per task, most urgent due level first; each requirement appears once, at its most urgent level. */
export function buildChecklist(r: RequirementsSnapshot): ChecklistItem[] {
  const levels: [ChecklistItem['due'], string[]][] = [
    ['past_due', r.pastDue],
    ['currently_due', r.currentlyDue],
    ['pending_verification', r.pendingVerification],
    ['eventually_due', r.eventuallyDue],
  ];
  const seen = new Set<string>();
  const items = new Map<string, ChecklistItem>();
  for (const [due, list] of levels) {
    for (const requirement of list) {
      if (seen.has(requirement)) continue;
      seen.add(requirement);
      const task = taskOf(requirement);
      const key = `${due}:${task}`;
      const item = items.get(key) ?? { task, due, requirements: [], errors: [] };
      item.requirements.push(requirement);
      item.errors.push(...r.errors.filter((e) => e.requirement === requirement).map((e) => e.code));
      items.set(key, item);
    }
  }
  return [...items.values()];
}

/** A processor's requirement error code (`verification_document_expired`, `bank_account_not_business_account`…) as a kind of problem a seller reads in plain words. */
export const PROBLEM_KINDS = ['bank_account_name', 'bank_account_closed', 'bank_account', 'document_expired', 'document_unreadable', 'name_mismatch', 'address', 'tax_id', 'date_of_birth', 'id_number', 'other'] as const;
export type ProblemKind = (typeof PROBLEM_KINDS)[number];

const PROBLEM_PATTERNS: [RegExp, ProblemKind][] = [
  [/(bank_account|external_account).*(name_mismatch|holder_name)/, 'bank_account_name'],
  [/(bank_account|external_account).*closed/, 'bank_account_closed'],
  [/bank_account|external_account|routing|iban/, 'bank_account'],
  [/expired/, 'document_expired'],
  [/not_readable|too_large|corrupt|incomplete|unsupported|not_uploaded|failed_greyscale|blur/, 'document_unreadable'],
  [/name_mismatch|name/, 'name_mismatch'],
  [/address|postal|city|state/, 'address'],
  [/tax_id|vat|registration_number/, 'tax_id'],
  [/dob/, 'date_of_birth'],
  [/id_number|ssn/, 'id_number'],
];

export function problemKind(code: string): ProblemKind {
  for (const [pattern, kind] of PROBLEM_PATTERNS) if (pattern.test(code)) return kind;
  return 'other';
}
