import { useEffect, useRef, type InputHTMLAttributes, type ReactNode } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { ApiError, type FieldError } from './api/client';
import { useI18n } from './i18n';

/** Field errors by the API's field path (`email`, `identifiers[tr.vkn]`, `registeredAddress.city`). */
export type FieldErrors = Record<string, string>;

export function byField(errors: FieldError[]): FieldErrors {
  const out: FieldErrors = {};
  for (const e of errors) out[e.field] ??= e.message;
  return out;
}

const domId = (path: string) => `f-${path.replace(/[^a-zA-Z0-9_-]/g, '_')}`;

/**
 * The API's field messages name the field by its path ("registeredAddress.city alanı zorunludur."); next to the
 * field, its visible label reads better ("Şehir / ilçe alanı zorunludur.").
 */
const withLabel = (message: string | undefined, path: string, label: string) => message?.split(path).join(label);

interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'name'> {
  /** The API's field path: errors for it are shown under this input. */
  path: string;
  label: string;
  hint?: ReactNode;
  error?: string;
  registration: UseFormRegisterReturn;
}

/** A labelled input with its hint and its error, wired for screen readers (aria-invalid, aria-describedby). */
export function TextField({ path, label, hint, error: raw, registration, required, ...input }: TextFieldProps) {
  const id = domId(path);
  const error = withLabel(raw, path, label);
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${error ? ' invalid' : ''}`}>
      <label htmlFor={id}>
        {label}
        {required ? <span aria-hidden="true"> *</span> : null}
      </label>
      <input id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy} aria-required={required || undefined} {...input} {...registration} />
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="error" id={`${id}-error`} data-field={path}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

interface SelectFieldProps {
  path: string;
  label: string;
  error?: string;
  registration: UseFormRegisterReturn;
  options: { value: string; label: string }[];
  required?: boolean;
}

export function SelectField({ path, label, error: raw, registration, options, required }: SelectFieldProps) {
  const id = domId(path);
  const error = withLabel(raw, path, label);
  return (
    <div className={`field${error ? ' invalid' : ''}`}>
      <label htmlFor={id}>
        {label}
        {required ? <span aria-hidden="true"> *</span> : null}
      </label>
      <select id={id} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} {...registration}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {error ? (
        <p className="error" id={`${id}-error`} data-field={path}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

/**
 * The form-level message (the envelope's message, or errors for fields the form does not show),
 * announced to screen readers and focused so keyboard users land on it.
 */
export function FormAlert({ message, extra = [] }: { message?: string; extra?: string[] }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (message) ref.current?.focus();
  }, [message]);
  if (!message && extra.length === 0) return null;
  return (
    <div className="alert" role="alert" tabIndex={-1} ref={ref}>
      {message ? <p>{message}</p> : null}
      {extra.length ? (
        <ul>
          {extra.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** The message to show for any failure: the API's (already in the user's language), or ours for a network failure. */
export function useErrorMessage(): (error: unknown) => string {
  const { t } = useI18n();
  return (error) => (error instanceof ApiError && error.status > 0 ? error.message : t('error.network'));
}
