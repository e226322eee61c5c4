import { useState, type ReactNode } from 'react';
import { ApiError, type FieldError } from '../api/client';
import { FormAlert, useErrorMessage } from '../forms';
import { useI18n, type MessageKey } from '../i18n';

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

/** One change between two versions of a published document (country pack, market), as the diff routes return it. */
export interface VersionChange {
  path: string;
  change: string;
  from?: unknown;
  to?: unknown;
}

/** The changes of a draft against the published version: one table for every versioned-document editor. */
export function DiffTable({ label, diff }: { label: string; diff: readonly VersionChange[] }) {
  const { t } = useI18n();
  if (diff.length === 0) return <p>{t('ops.pack.noChanges')}</p>;
  return (
    <Table label={label}>
      <thead>
        <tr>
          <th scope="col">{t('ops.pack.where')}</th>
          <th scope="col">{t('ops.pack.change')}</th>
          <th scope="col">{t('ops.pack.before')}</th>
          <th scope="col">{t('ops.pack.after')}</th>
        </tr>
      </thead>
      <tbody data-testid="diff">
        {diff.map((c) => (
          <tr key={`${c.path}-${c.change}`} className={`diff-${c.change}`}>
            <td>
              <code>{c.path}</code>
            </td>
            <td>{t(`ops.pack.change.${c.change}` as MessageKey)}</td>
            <td>{c.from === undefined ? '—' : <span className="mono">{JSON.stringify(c.from)}</span>}</td>
            <td>{c.to === undefined ? '—' : <span className="mono">{JSON.stringify(c.to)}</span>}</td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

/**
 * The state every draft editor (country pack, market) keeps around its actions: the problems the API reported,
 * the last outcome, and whether an action runs. `run` clears the outcome, and on failure shows the API's field
 * problems next to their fields and its message in the alert.
 */
export function useDraftActions<P extends FieldError = FieldError>() {
  const errorMessage = useErrorMessage();
  const [problems, setProblems] = useState<P[]>();
  const [status, setStatus] = useState<{ ok?: string; error?: string }>();
  const [busy, setBusy] = useState(false);
  const run = async (fn: () => Promise<void>) => {
    setBusy(true);
    setStatus(undefined);
    try {
      await fn();
    } catch (e) {
      if (e instanceof ApiError && e.details.length) setProblems(e.details as P[]);
      setStatus({ error: errorMessage(e) });
    } finally {
      setBusy(false);
    }
  };
  return { problems, setProblems, status, setStatus, busy, run };
}

/** The problems reported for one field of a draft, next to it. */
export function ProblemList({ field, problems }: { field: string; problems: readonly FieldError[] }) {
  return problems.length ? (
    <ul className="problems" data-problem-for={field}>
      {problems.map((p) => (
        <li key={`${p.field}-${p.code}-${p.message}`} className="error">
          {p.message}
        </li>
      ))}
    </ul>
  ) : null;
}

/**
 * The sticky bar of a draft editor (country pack, market): save, validate, diff (when something is published),
 * publish and discard, then the outcome of the last action.
 */
export function DraftActionBar(props: {
  busy: boolean;
  status?: { ok?: string; error?: string };
  canDiff: boolean;
  publishBlocked?: boolean;
  onSave(): void;
  onValidate(): void;
  onDiff(): void;
  onPublish(): void;
  onDiscard(): void;
}) {
  const { t } = useI18n();
  const { busy, status } = props;
  return (
    <>
      <div className="actions sticky">
        <button type="button" className="secondary" disabled={busy} onClick={props.onSave}>
          {t('ops.pack.save')}
        </button>
        <button type="button" disabled={busy} onClick={props.onValidate}>
          {t('ops.pack.validate')}
        </button>
        {props.canDiff ? (
          <button type="button" className="secondary" disabled={busy} onClick={props.onDiff}>
            {t('ops.pack.diff')}
          </button>
        ) : null}
        <button type="button" disabled={busy || props.publishBlocked} onClick={props.onPublish}>
          {t('ops.pack.publish')}
        </button>
        <button type="button" className="secondary" disabled={busy} onClick={props.onDiscard}>
          {t('ops.pack.discard')}
        </button>
      </div>
      {status?.ok ? (
        <p className="success" role="status">
          {status.ok}
        </p>
      ) : null}
      {status?.error ? <FormAlert message={status.error} /> : null}
    </>
  );
}
