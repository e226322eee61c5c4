import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import {
  ApiError,
  countriesControllerSpecV1,
  countriesControllerValidateIdentifierV1,
  countriesControllerValidateRegistrationV1,
  sellersControllerGetBusinessV1,
  sellersControllerMeV1,
  sellersControllerPutBusinessV1,
  type FieldError,
} from '../api/client';
import { byField, FormAlert, SelectField, TextField, useErrorMessage, type FieldErrors } from '../forms';
import { useI18n, type MessageKey } from '../i18n';
import { identifierKey, legalFormLabel, readSpec, type AddressFieldSpec } from '../spec';

interface BusinessForm {
  legalForm: string;
  legalName: string;
  tradingName: string;
  identifiers: Record<string, string>;
  registeredAddress: Record<string, string>;
  phone: string;
  website: string;
  representative: { firstName: string; lastName: string };
  vatRegistered: boolean;
  brands: string;
}

type Outcome = { kind: 'checked' | 'saved' } | { kind: 'failed'; message: string; errors: FieldError[] };

export function BusinessPage() {
  const { t, lang, date } = useI18n();
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const me = useQuery({ queryKey: ['me', lang], queryFn: async () => (await sellersControllerMeV1()).data });
  const cc = me.data?.country;
  const spec = useQuery({
    queryKey: ['country', cc, lang],
    enabled: !!cc,
    queryFn: async () => (await countriesControllerSpecV1({ path: { cc: cc! } })).data,
  });
  const saved = useQuery({
    queryKey: ['business', lang],
    queryFn: async () => {
      try {
        return (await sellersControllerGetBusinessV1()).data;
      } catch (e) {
        if (e instanceof ApiError && e.status === 404) return null;
        throw e;
      }
    },
  });

  const { register, handleSubmit, watch, reset, getValues, formState } = useForm<BusinessForm>({
    defaultValues: { legalForm: '', legalName: '', tradingName: '', identifiers: {}, registeredAddress: {}, phone: '', website: '', representative: { firstName: '', lastName: '' }, vatRegistered: false, brands: '' },
  });
  const [outcome, setOutcome] = useState<Outcome>();
  /** Errors found while typing (one identifier at a time), until the next full check. */
  const [liveErrors, setLiveErrors] = useState<FieldErrors>({});

  const parts = useMemo(() => (spec.data ? readSpec(spec.data) : undefined), [spec.data]);

  // the saved profile, once, as the starting values
  useEffect(() => {
    if (!saved.data || formState.isDirty) return;
    const p = saved.data;
    reset({
      legalForm: p.legalForm,
      legalName: p.legalName,
      tradingName: typeof p.tradingName === 'string' ? p.tradingName : '',
      identifiers: Object.fromEntries(Object.entries(p.identifiers as Record<string, string>).map(([k, v]) => [identifierKey(k), v])),
      registeredAddress: p.registeredAddress as Record<string, string>,
      phone: p.phone,
      website: typeof p.website === 'string' ? p.website : '',
      representative: p.representative as BusinessForm['representative'],
      vatRegistered: p.vatRegistered,
      brands: p.brands.join('\n'),
    });
  }, [saved.data, reset, formState.isDirty]);

  const legalFormCode = watch('legalForm');
  const legalForm = parts?.legalForms.find((f) => f.code === legalFormCode);

  if (me.error || spec.error || saved.error) return <p className="alert" role="alert">{errorMessage(me.error ?? spec.error ?? saved.error)}</p>;
  if (!parts || !spec.data || saved.isPending) return <p role="status">{t('common.loading')}</p>;

  const vatDeclaration = parts.declarations.find((d) => d.name === 'vatRegistered');
  const asksVat = !!legalForm && !!vatDeclaration?.legalForms?.includes(legalForm.code);

  const body = (v: BusinessForm) => {
    const address: Record<string, string> = {};
    for (const f of parts.address) {
      const value = f.value ?? v.registeredAddress[f.name]?.trim();
      if (value) address[f.name] = value;
    }
    const identifiers: Record<string, string> = {};
    for (const id of legalForm?.identifiers ?? []) {
      const value = v.identifiers[identifierKey(id.type)]?.trim();
      if (value) identifiers[id.type] = value;
    }
    const brands = v.brands.split('\n').map((b) => b.trim()).filter(Boolean);
    return {
      legalForm: v.legalForm,
      legalName: v.legalName.trim(),
      ...(v.tradingName.trim() ? { tradingName: v.tradingName.trim() } : {}),
      identifiers,
      registeredAddress: address,
      phone: v.phone.trim(),
      ...(v.website.trim() ? { website: v.website.trim() } : {}),
      representative: { firstName: v.representative.firstName.trim(), lastName: v.representative.lastName.trim() },
      ...(brands.length ? { brands } : {}),
      ...(asksVat ? { vatRegistered: v.vatRegistered } : {}),
    };
  };

  /** The dry run: every field error at once, nothing stored. */
  const check = async (v: BusinessForm): Promise<boolean> => {
    setLiveErrors({});
    try {
      const { data } = await countriesControllerValidateRegistrationV1({ path: { cc: spec.data.country }, body: body(v) });
      if (data.valid) return true;
      setOutcome({ kind: 'failed', message: t('business.fixErrors', { count: data.errors.length }), errors: data.errors });
    } catch (e) {
      setOutcome({ kind: 'failed', message: errorMessage(e), errors: e instanceof ApiError ? e.details : [] });
    }
    return false;
  };

  const onCheck = async () => {
    setOutcome(undefined);
    if (await check(getValues())) setOutcome({ kind: 'checked' });
  };

  const onSave = handleSubmit(async (v) => {
    setOutcome(undefined);
    if (!(await check(v))) return;
    try {
      await sellersControllerPutBusinessV1({ body: body(v) });
      setOutcome({ kind: 'saved' });
      reset(v);
      await queryClient.invalidateQueries();
    } catch (e) {
      setOutcome({ kind: 'failed', message: errorMessage(e), errors: e instanceof ApiError ? e.details : [] });
    }
  });

  /** An identifier is checked as soon as the seller leaves its field. */
  const checkIdentifier = async (type: string, value: string) => {
    const path = `identifiers[${type}]`;
    const clear = () => setLiveErrors(({ [path]: _, ...rest }) => rest);
    if (!value.trim()) return clear();
    try {
      const { data } = await countriesControllerValidateIdentifierV1({ path: { cc: spec.data.country }, body: { type, value } });
      if (data.valid || !data.message) clear();
      else setLiveErrors((errors) => ({ ...errors, [path]: data.message! }));
    } catch {
      clear();
    }
  };

  const errors: FieldErrors = { ...(outcome?.kind === 'failed' ? byField(outcome.errors) : {}), ...liveErrors };
  const shown = new Set<string>(['legalForm', 'legalName', 'tradingName', 'phone', 'website', 'brands', 'vatRegistered', 'representative.firstName', 'representative.lastName']);
  for (const id of legalForm?.identifiers ?? []) shown.add(`identifiers[${id.type}]`);
  for (const f of parts.address) if (!f.value) shown.add(`registeredAddress.${f.name}`);
  const elsewhere = outcome?.kind === 'failed' ? outcome.errors.filter((e) => !shown.has(e.field)).map((e) => e.message) : [];
  const addressLabel = (f: AddressFieldSpec) => f.label ?? t(`address.${f.name}` as MessageKey);
  const example = (value?: string) => (value ? t('business.example', { example: value }) : undefined);
  /** Labels come from the country spec, in the seller's language; the app's own words only stand in for an older API. */
  const labelOf = (path: string, fallback: string) => parts.fields.get(path)?.label ?? fallback;

  return (
    <section>
      <h1 tabIndex={-1}>{t('business.title')}</h1>
      <p>{t('business.intro', { country: spec.data.name })}</p>
      {saved.data ? (
        <p className="note" data-testid="profile-saved-at">
          {t('business.savedAt', { date: date(saved.data.checkedAt as string), version: saved.data.packVersion })}
          {saved.data.reverificationRequired ? ` ${t('business.reverify')}` : ''}
        </p>
      ) : null}
      <form onSubmit={onSave} noValidate>
        {outcome?.kind === 'failed' ? <FormAlert message={outcome.message} extra={elsewhere} /> : null}
        {outcome?.kind === 'checked' ? (
          <p className="success" role="status">
            {t('business.checked')}
          </p>
        ) : null}
        {outcome?.kind === 'saved' ? (
          <p className="success" role="status">
            {t('business.saved')}
          </p>
        ) : null}

        <fieldset>
          <legend>{t('business.company')}</legend>
          <SelectField
            path="legalForm"
            label={labelOf('legalForm', t('business.legalForm'))}
            required
            registration={register('legalForm')}
            error={errors.legalForm}
            options={[
              { value: '', label: t('business.chooseLegalForm') },
              ...parts.legalForms.filter((f) => f.eligible).map((f) => ({ value: f.code, label: legalFormLabel(f) })),
            ]}
          />
          <TextField path="legalName" label={labelOf('legalName', t('business.legalName'))} required autoComplete="organization" registration={register('legalName')} error={errors.legalName} />
          {parts.fields.get('tradingName') ? (
            <TextField
              path="tradingName"
              label={parts.fields.get('tradingName')!.label}
              hint={parts.fields.get('tradingName')!.help}
              maxLength={parts.fields.get('tradingName')!.maxLength}
              registration={register('tradingName')}
              error={errors.tradingName}
            />
          ) : null}
          {legalForm?.identifiers.map((id) => {
            const registration = register(`identifiers.${identifierKey(id.type)}`);
            return (
              <TextField
                key={id.type}
                path={`identifiers[${id.type}]`}
                label={id.label}
                required={id.required}
                inputMode="text"
                autoComplete="off"
                spellCheck={false}
                hint={example(id.example)}
                error={errors[`identifiers[${id.type}]`]}
                registration={{
                  ...registration,
                  onBlur: async (e) => {
                    await registration.onBlur(e);
                    await checkIdentifier(id.type, e.target.value);
                  },
                }}
              />
            );
          })}
          {asksVat ? (
            <div className="field checkbox">
              <input id="f-vatRegistered" type="checkbox" {...register('vatRegistered')} />
              <label htmlFor="f-vatRegistered">{labelOf('vatRegistered', t('business.vatRegistered'))}</label>
              {errors.vatRegistered ? <p className="error">{errors.vatRegistered}</p> : null}
            </div>
          ) : null}
        </fieldset>

        <fieldset>
          <legend>{t('business.address')}</legend>
          {parts.address
            .filter((f) => !f.value)
            .map((f) => {
              // a closed list in the spec (IT, ES and TR provinces, US states): chosen, not typed
              const options = parts.fields.get(`registeredAddress.${f.name}`)?.options;
              return options ? (
                <SelectField
                  key={f.name}
                  path={`registeredAddress.${f.name}`}
                  label={addressLabel(f)}
                  required={f.required}
                  registration={register(`registeredAddress.${f.name}`)}
                  error={errors[`registeredAddress.${f.name}`]}
                  options={[{ value: '', label: t('business.chooseOption') }, ...options]}
                />
              ) : (
              <TextField
                key={f.name}
                path={`registeredAddress.${f.name}`}
                label={addressLabel(f)}
                required={f.required}
                autoComplete={ADDRESS_AUTOCOMPLETE[f.name]}
                hint={example(f.example)}
                registration={register(`registeredAddress.${f.name}`)}
                error={errors[`registeredAddress.${f.name}`]}
              />
              );
            })}
        </fieldset>

        <fieldset>
          <legend>{t('business.contact')}</legend>
          <TextField path="phone" label={labelOf('phone', t('business.phone'))} type="tel" required autoComplete="tel" hint={parts.fields.get('phone')?.help ?? example(parts.phoneExample)} registration={register('phone')} error={errors.phone} />
          <TextField path="website" label={labelOf('website', t('business.website'))} type="url" autoComplete="url" registration={register('website')} error={errors.website} />
          <TextField path="representative.firstName" label={labelOf('representative.firstName', t('business.firstName'))} required autoComplete="given-name" registration={register('representative.firstName')} error={errors['representative.firstName']} />
          <TextField path="representative.lastName" label={labelOf('representative.lastName', t('business.lastName'))} required autoComplete="family-name" registration={register('representative.lastName')} error={errors['representative.lastName']} />
        </fieldset>

        <fieldset>
          <legend>{t('business.brands')}</legend>
          <div className={`field${errors.brands ? ' invalid' : ''}`}>
            <label htmlFor="f-brands">{t('business.brandsLabel')}</label>
            <textarea id="f-brands" rows={3} aria-describedby="f-brands-hint" {...register('brands')} />
            <p className="hint" id="f-brands-hint">
              {t('business.brandsHint')}
            </p>
            {errors.brands ? <p className="error">{errors.brands}</p> : null}
          </div>
        </fieldset>

        <div className="actions">
          <button type="button" className="secondary" onClick={() => void onCheck()} disabled={formState.isSubmitting}>
            {t('business.check')}
          </button>
          <button type="submit" disabled={formState.isSubmitting}>
            {t('business.save')}
          </button>
        </div>
      </form>
    </section>
  );
}

const ADDRESS_AUTOCOMPLETE: Record<string, string> = {
  line1: 'address-line1',
  line2: 'address-line2',
  city: 'address-level2',
  region: 'address-level1',
  postalCode: 'postal-code',
};
