import type { ReactNode } from 'react';
import { useErrorMessage } from '../forms';
import { useI18n } from '../i18n';

/** Loading and error states of a page's queries, in one place. */
export function Pending({ error, loading }: { error: unknown; loading: boolean }) {
  const { t } = useI18n();
  const errorMessage = useErrorMessage();
  if (error)
    return (
      <p className="alert" role="alert">
        {errorMessage(error)}
      </p>
    );
  return loading ? <p role="status">{t('common.loading')}</p> : null;
}

/** A value the API types loosely (`string | null` as an object): the string, or nothing. */
export const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** A table that scrolls sideways on a phone instead of widening the page. */
export function Table({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-wrap" role="region" aria-label={label} tabIndex={0}>
      <table>{children}</table>
    </div>
  );
}

/** Evidence and payloads: whatever the API stored, readable. */
export function Json({ value }: { value: unknown }) {
  return <pre className="json">{JSON.stringify(value, null, 2)}</pre>;
}
