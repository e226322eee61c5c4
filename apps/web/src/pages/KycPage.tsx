import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useFieldArray, useForm } from 'react-hook-form';
import { Link } from 'react-router';
import {
  ApiError,
  countriesControllerListV1,
  countriesControllerSpecV1,
  sellerKycControllerPersonsV1,
  sellerKycControllerSubmitV1,
  sellerKycControllerViewV1,
  sellersControllerGetBusinessV1,
  type FieldError,
} from '../api/client';
import { uploadWithProgress } from '../api/upload';
import { byField, FormAlert, SelectField, TextField, useErrorMessage } from '../forms';
import { useI18n, type MessageKey } from '../i18n';
import { readSpec } from '../spec';

type Role = 'representative' | 'owner' | 'director';
interface PersonRow {
  role: Role;
  fullName: string;
  dateOfBirth: string;
  nationality: string;
  idDocumentNumber: string;
  sharePercent: string;
}
type Result = { ok: string } | { message: string; errors: FieldError[] };

/** KYC: who runs and owns the business, the documents the country pack asks of its legal form, and the submission. */
export function KycPage() {
  const { t, lang, date, number } = useI18n();
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const kyc = useQuery({ queryKey: ['kyc', lang], queryFn: async () => (await sellerKycControllerViewV1()).data });
  const business = useQuery({ queryKey: ['business', lang], queryFn: async () => (await sellersControllerGetBusinessV1()).data, retry: false });
  const cc = business.data?.country;
  const spec = useQuery({ queryKey: ['country', cc, lang], enabled: !!cc, queryFn: async () => (await countriesControllerSpecV1({ path: { cc: cc! } })).data });
  const countries = useQuery({ queryKey: ['countries', lang], queryFn: async () => (await countriesControllerListV1()).data });
  const [persons, setPersons] = useState<Result>();
  const [uploads, setUploads] = useState<Record<string, Result>>({});
  const [progress, setProgress] = useState<Record<string, number>>({});
  const [submitted, setSubmitted] = useState<Result>();

  const rep = business.data?.representative as { firstName?: string; lastName?: string } | undefined;
  const form = useForm<{ persons: PersonRow[]; noOwners: boolean }>({
    values: {
      noOwners: kyc.data?.noOwnersDeclared ?? false,
      persons: [{ role: 'representative', fullName: [rep?.firstName, rep?.lastName].filter(Boolean).join(' '), dateOfBirth: '', nationality: cc ?? '', idDocumentNumber: '', sharePercent: '' }],
    },
    resetOptions: { keepDirtyValues: true },
  });
  const rows = useFieldArray({ control: form.control, name: 'persons' });

  if (business.error instanceof ApiError && business.error.status === 404) {
    return (
      <section>
        <h1 tabIndex={-1}>{t('kyc.title')}</h1>
        <p>{t('home.kycNeedsProfile')}</p>
        <p>
          <Link to="/business">{t('home.fillProfile')}</Link>
        </p>
      </section>
    );
  }
  const failed = kyc.error ?? business.error ?? spec.error;
  if (failed) return <p className="alert" role="alert">{errorMessage(failed)}</p>;
  if (!kyc.data || !business.data || !spec.data) return <p role="status">{t('common.loading')}</p>;

  const legalForm = readSpec(spec.data).legalForms.find((f) => f.code === business.data.legalForm);
  const applies = (condition: string) =>
    condition === 'always' || (condition === 'brand_declared' && business.data.brands.length > 0) || (condition === 'vat_registered' && business.data.vatRegistered);
  const documents = (legalForm?.documents ?? []).filter((d) => applies(d.condition));
  const editable = kyc.data.status === 'collecting' || kyc.data.status === 'action_required';
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['kyc'] });

  const savePersons = form.handleSubmit(async ({ persons: list, noOwners }) => {
    setPersons(undefined);
    try {
      const body = list.map((p) => ({
        role: p.role,
        fullName: p.fullName.trim(),
        dateOfBirth: p.dateOfBirth,
        nationality: p.nationality,
        ...(p.idDocumentNumber.trim() ? { idDocumentNumber: p.idDocumentNumber.trim() } : {}),
        ...(p.role === 'owner' && p.sharePercent.trim() ? { sharePercent: p.sharePercent.trim() } : {}),
      }));
      // a company without declared owners declares that nobody holds the threshold (the server refuses both at once)
      const declare = kyc.data?.ownerThresholdPercent !== undefined && noOwners && !list.some((p) => p.role === 'owner');
      const { data } = await sellerKycControllerPersonsV1({ body: { persons: body, ...(declare ? { noOwnersAtOrAboveThreshold: true } : {}) } });
      setPersons({ ok: t('kyc.personsSaved', { count: number(data.length) }) });
      await refresh();
    } catch (e) {
      setPersons({ message: errorMessage(e), errors: e instanceof ApiError ? e.details : [] });
    }
  });

  const upload = async (type: string, file: File | undefined, issuedOn: string, expiresOn = '', personId = '') => {
    if (!file) return setUploads((u) => ({ ...u, [type]: { message: t('kyc.chooseFile'), errors: [] } }));
    setUploads(({ [type]: _, ...rest }) => rest);
    const body = new FormData();
    body.set('type', type);
    if (issuedOn) body.set('issuedOn', issuedOn);
    if (expiresOn) body.set('expiresOn', expiresOn);
    if (personId) body.set('personId', personId);
    body.set('file', file);
    const track = (fraction: number) => setProgress((p) => ({ ...p, [type]: fraction }));
    track(0);
    try {
      // the one call outside the generated client: it reports upload progress (the generated one cannot)
      await uploadWithProgress('/v1/sellers/me/kyc/documents', body, track);
      setUploads((u) => ({ ...u, [type]: { ok: t('kyc.uploaded', { name: file.name }) } }));
      await refresh();
    } catch (e) {
      setUploads((u) => ({ ...u, [type]: { message: errorMessage(e), errors: e instanceof ApiError ? e.details : [] } }));
    } finally {
      setProgress(({ [type]: _, ...rest }) => rest);
    }
  };

  const submit = async () => {
    setSubmitted(undefined);
    try {
      const { data } = await sellerKycControllerSubmitV1();
      setSubmitted({ ok: t(`kyc.status.${data.status}` as MessageKey) });
      await queryClient.invalidateQueries();
    } catch (e) {
      setSubmitted({ message: errorMessage(e), errors: e instanceof ApiError ? e.details : [] });
    }
  };

  const personErrors = persons && 'errors' in persons ? byField(persons.errors) : {};
  const nationalities = [{ value: '', label: t('signup.chooseCountry') }, ...(countries.data ?? []).map((c) => ({ value: c.country, label: c.name }))];
  const roles: Role[] = ['representative', 'owner', 'director'];

  return (
    <section>
      <h1 tabIndex={-1}>{t('kyc.title')}</h1>
      <p data-testid="kyc-page-status">
        {t('home.kyc')}: <strong>{t(`kyc.status.${kyc.data.status}` as MessageKey)}</strong>
      </p>
      {kyc.data.messages.length ? (
        <section aria-labelledby="kyc-messages-title" className="card">
          <h2 id="kyc-messages-title">{t('kyc.messages')}</h2>
          <ul className="messages" data-testid="kyc-messages">
            {kyc.data.messages.map((m) => (
              <li key={m.id}>
                <p className="note">{t('kyc.messageFrom', { date: date(m.sentAt) })}</p>
                {m.body}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {kyc.data.noOwnersDeclared && kyc.data.ownerThresholdPercent !== undefined ? (
        <p className="note" data-testid="no-owners-declared">
          {t('kyc.noOwnersDeclared', { threshold: number(kyc.data.ownerThresholdPercent) })}
        </p>
      ) : null}
      {kyc.data.checklist.length ? (
        <ul aria-label={t('home.stillNeeded')}>
          {kyc.data.checklist.map((c, i) => (
            <li key={`${c.item}-${c.type ?? i}`}>{c.message}</li>
          ))}
        </ul>
      ) : null}

      <form onSubmit={savePersons} noValidate aria-labelledby="persons-title">
        <h2 id="persons-title">{t('kyc.persons')}</h2>
        <p className="hint">{t('kyc.personsIntro')}</p>
        {persons && 'message' in persons ? <FormAlert message={persons.message} extra={persons.errors.filter((e) => !/^persons\[\d+\]\./.test(e.field)).map((e) => e.message)} /> : null}
        {persons && 'ok' in persons ? (
          <p className="success" role="status">
            {persons.ok}
          </p>
        ) : null}
        {rows.fields.map((row, i) => {
          const p = `persons[${i}]`;
          const role = form.watch(`persons.${i}.role`);
          return (
            <fieldset key={row.id}>
              <legend>{t('kyc.person', { n: i + 1 })}</legend>
              <SelectField path={`${p}.role`} label={t('kyc.role')} required registration={form.register(`persons.${i}.role`)} error={personErrors[`${p}.role`]} options={roles.map((r) => ({ value: r, label: t(`kyc.role.${r}` as MessageKey) }))} />
              <TextField path={`${p}.fullName`} label={t('kyc.fullName')} required autoComplete="off" hint={t('kyc.fullNameHint')} registration={form.register(`persons.${i}.fullName`)} error={personErrors[`${p}.fullName`]} />
              <TextField path={`${p}.dateOfBirth`} label={t('kyc.dateOfBirth')} type="date" required registration={form.register(`persons.${i}.dateOfBirth`)} error={personErrors[`${p}.dateOfBirth`]} />
              <SelectField path={`${p}.nationality`} label={t('kyc.nationality')} required options={nationalities} registration={form.register(`persons.${i}.nationality`)} error={personErrors[`${p}.nationality`]} />
              <TextField path={`${p}.idDocumentNumber`} label={t('kyc.idNumber')} autoComplete="off" spellCheck={false} hint={t('kyc.idNumberHint')} registration={form.register(`persons.${i}.idDocumentNumber`)} error={personErrors[`${p}.idDocumentNumber`]} />
              {role === 'owner' ? (
                <TextField path={`${p}.sharePercent`} label={t('kyc.share')} inputMode="decimal" registration={form.register(`persons.${i}.sharePercent`)} error={personErrors[`${p}.sharePercent`]} />
              ) : null}
              {rows.fields.length > 1 ? (
                <button type="button" className="secondary" onClick={() => rows.remove(i)}>
                  {t('kyc.removePerson')}
                </button>
              ) : null}
            </fieldset>
          );
        })}
        {kyc.data.ownerThresholdPercent !== undefined ? (
          <div className="field checkbox">
            <input id="f-noOwners" type="checkbox" disabled={!editable} {...form.register('noOwners')} />
            <label htmlFor="f-noOwners">{t('kyc.noOwners', { threshold: number(kyc.data.ownerThresholdPercent) })}</label>
          </div>
        ) : null}
        <div className="actions">
          <button type="button" className="secondary" disabled={!editable} onClick={() => rows.append({ role: 'owner', fullName: '', dateOfBirth: '', nationality: cc ?? '', idDocumentNumber: '', sharePercent: '' })}>
            {t('kyc.addPerson')}
          </button>
          <button type="submit" disabled={!editable || form.formState.isSubmitting}>
            {t('kyc.savePersons')}
          </button>
        </div>
      </form>

      <h2>{t('kyc.documents')}</h2>
      <p className="hint">{t('kyc.documentsIntro')}</p>
      {documents.map((d) => {
        const done = kyc.data.documents.filter((u) => u.type === d.type);
        const result = uploads[d.type];
        const id = `doc-${d.type.replace(/[^a-z0-9]/gi, '_')}`;
        return (
          <form
            key={d.type}
            className="card document"
            aria-labelledby={`${id}-title`}
            onSubmit={(e) => {
              e.preventDefault();
              const data = new FormData(e.currentTarget);
              const file = data.get('file');
              void upload(d.type, file instanceof File && file.size > 0 ? file : undefined, String(data.get('issuedOn') ?? ''), String(data.get('expiresOn') ?? ''), String(data.get('personId') ?? ''));
            }}
          >
            <h3 id={`${id}-title`}>
              {d.label}
              {d.required ? <span className="note"> ({t('kyc.required')})</span> : null}
            </h3>
            {done.map((u) => (
              <p key={u.id} className="note" data-testid={`uploaded-${d.type}`}>
                {t('kyc.uploadedOn', { date: date(u.uploadedAt) })} · {t(`kyc.review.${u.reviewStatus}` as MessageKey)}
                {u.feedback ? ` · ${u.feedback.message}` : ''}
              </p>
            ))}
            {result && 'message' in result ? (
              <p className="error" role="alert">
                {result.message}
              </p>
            ) : null}
            {result && 'ok' in result ? (
              <p className="success" role="status">
                {result.ok}
              </p>
            ) : null}
            <div className="field">
              <label htmlFor={`${id}-file`}>{t('kyc.file')}</label>
              <input id={`${id}-file`} name="file" type="file" accept="application/pdf,image/jpeg,image/png" aria-describedby={`${id}-hint`} disabled={!editable} />
              <p className="hint" id={`${id}-hint`}>
                {t('kyc.fileHint')}
              </p>
            </div>
            {d.maxAgeDays ? (
              <div className="field">
                <label htmlFor={`${id}-issued`}>{t('kyc.issuedOn')}</label>
                <input id={`${id}-issued`} name="issuedOn" type="date" required aria-describedby={`${id}-age`} disabled={!editable} />
                <p className="hint" id={`${id}-age`}>
                  {t('kyc.maxAge', { days: number(d.maxAgeDays) })}
                </p>
              </div>
            ) : null}
            {d.dates?.expiresOn?.required ? (
              <div className="field">
                <label htmlFor={`${id}-expires`}>{t('kyc.expiresOn')}</label>
                <input id={`${id}-expires`} name="expiresOn" type="date" required disabled={!editable} />
              </div>
            ) : null}
            {d.person ? (
              <div className="field">
                <label htmlFor={`${id}-person`}>{t('kyc.documentPerson')}</label>
                {/* a person's document names whose it is: the legal representative, or one of the declared persons */}
                <select id={`${id}-person`} name="personId" required disabled={!editable} aria-describedby={kyc.data.persons.length === 0 ? `${id}-person-hint` : undefined}>
                  {kyc.data.persons
                    .filter((p) => d.person !== 'representative' || p.role === 'representative')
                    .map((p) => (
                      <option key={p.id} value={p.id}>
                        {p.fullName} · {t(`kyc.role.${p.role}` as MessageKey)}
                      </option>
                    ))}
                </select>
                {kyc.data.persons.length === 0 ? (
                  <p className="hint" id={`${id}-person-hint`}>
                    {t('kyc.declarePersonFirst')}
                  </p>
                ) : null}
              </div>
            ) : null}
            {progress[d.type] !== undefined ? (
              <progress max={1} value={progress[d.type]} aria-label={t('upload.progressOf', { name: d.label })} data-testid={`progress-${d.type}`} />
            ) : null}
            <button type="submit" className="secondary" disabled={!editable || progress[d.type] !== undefined}>
              {t('kyc.upload')}
            </button>
          </form>
        );
      })}

      <h2>{t('kyc.submitTitle')}</h2>
      {submitted && 'message' in submitted ? <FormAlert message={submitted.message} extra={submitted.errors.map((e) => e.message)} /> : null}
      {submitted && 'ok' in submitted ? (
        <p className="success" role="status">
          {t('kyc.submitted', { status: submitted.ok })}
        </p>
      ) : null}
      <button type="button" onClick={() => void submit()} disabled={!editable}>
        {t('kyc.submit')}
      </button>
    </section>
  );
}
