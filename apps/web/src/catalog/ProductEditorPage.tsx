import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useFieldArray, useForm } from 'react-hook-form';
import { useLocation, useNavigate, useParams } from 'react-router';
import {
  ApiError,
  categoriesControllerListV1,
  marketsControllerListV1,
  productsControllerCreateV1,
  productsControllerGetV1,
  productsControllerUpdateV1,
  type FieldError,
  type ProductDto,
  type ProductView,
} from '../api/client';
import { byField, FormAlert, SelectField, TextField, useErrorMessage } from '../forms';
import { useI18n, type MessageKey } from '../i18n';
import { exponentOf, minorToDecimal, parseDecimal } from '../money';
import { Pending, str } from '../ops/common';
import { ProductImages } from './ProductImages';
import { ProductTabs } from './ProductTabs';

interface VariantRow {
  sku: string;
  price: string;
}
interface Operator {
  name: string;
  line1: string;
  city: string;
  postalCode: string;
  country: string;
  email: string;
}
interface Values {
  safetyInformation: string;
  manufacturer: Operator;
  euResponsiblePerson: Operator;
  docUrl: string;
  title: string;
  description: string;
  category: string;
  sourceLocale: string;
  currency: string;
  status: ProductView['status'];
  brand: string;
  originCountry: string;
  hsCode: string;
  variants: VariantRow[];
}
const STATUSES: ProductView['status'][] = ['draft', 'active', 'archived'];

type OperatorView = { name?: string; email?: string; address?: { line1?: string; city?: string; postalCode?: string; country?: string } };
const operatorOf = (o: OperatorView | undefined): Operator => ({
  name: o?.name ?? '',
  line1: o?.address?.line1 ?? '',
  city: o?.address?.city ?? '',
  postalCode: o?.address?.postalCode ?? '',
  country: o?.address?.country ?? '',
  email: o?.email ?? '',
});
/** An economic operator of the GPSR as the API takes it; none when the form leaves it empty. */
const operatorBody = (o: Operator) =>
  Object.values(o).some((v) => v.trim())
    ? {
        name: o.name.trim(),
        ...(o.email.trim() ? { email: o.email.trim() } : {}),
        address: { line1: o.line1.trim(), city: o.city.trim(), country: o.country.trim().toUpperCase(), ...(o.postalCode.trim() ? { postalCode: o.postalCode.trim() } : {}) },
      }
    : undefined;

function valuesOf(p: ProductView | undefined): Values {
  const gpsr = (p?.gpsr ?? {}) as { manufacturer?: OperatorView; euResponsiblePerson?: OperatorView };
  const compliance = {
    safetyInformation: str(p?.safetyInformation) ?? '',
    manufacturer: operatorOf(gpsr.manufacturer),
    euResponsiblePerson: operatorOf(gpsr.euResponsiblePerson),
    docUrl: str((p?.conformity as { docUrl?: unknown } | null)?.docUrl) ?? '',
  };
  if (!p) return { ...compliance, title: '', description: '', category: '', sourceLocale: '', currency: '', status: 'draft', brand: '', originCountry: '', hsCode: '', variants: [{ sku: '', price: '' }] };
  return {
    ...compliance,
    title: p.title,
    description: str(p.description) ?? '',
    category: p.category.code,
    sourceLocale: p.sourceLocale,
    currency: p.currency,
    status: p.status,
    brand: str(p.brand) ?? '',
    originCountry: str(p.originCountry) ?? '',
    hsCode: str(p.hsCode) ?? '',
    // the API's decimal of the integer minor units (its ISO 4217 exponent), or our exact conversion of them
    variants: p.variants.map((v) => ({ sku: v.sku, price: v.price.amount || minorToDecimal(v.price.amountMinor, exponentOf(v.price.currency)) })),
  };
}

/**
 * The product body: what the form edits, and (on an update, which replaces the product) everything the
 * form does not show carried over from the product as read.
 */
function bodyOf(v: Values, before: ProductView | undefined, currency: string, exponent: number): ProductDto {
  const opt = (key: string, value: string) => (value.trim() ? { [key]: value.trim() } : {});
  const kept = (key: keyof ProductView) => (before && before[key] !== null && before[key] !== undefined ? { [key]: before[key] } : {});
  return {
    title: v.title.trim(),
    category: v.category,
    ...opt('description', v.description),
    ...opt('sourceLocale', v.sourceLocale),
    ...opt('currency', v.currency),
    ...opt('brand', v.brand),
    ...opt('originCountry', v.originCountry.toUpperCase()),
    ...opt('hsCode', v.hsCode),
    status: v.status,
    ...(before ? { attributes: before.attributes.map((a) => ({ key: a.key, value: a.value })) } : {}),
    ...kept('hsNational'),
    ...(() => {
      const manufacturer = operatorBody(v.manufacturer);
      const euResponsiblePerson = operatorBody(v.euResponsiblePerson);
      return manufacturer || euResponsiblePerson ? { gpsr: { ...(manufacturer ? { manufacturer } : {}), ...(euResponsiblePerson ? { euResponsiblePerson } : {}) } } : {};
    })(),
    ...opt('safetyInformation', v.safetyInformation),
    ...(v.docUrl.trim() ? { conformity: { docUrl: v.docUrl.trim() } } : {}),
    variants: v.variants.map((row) => {
      const old = before?.variants.find((x) => x.sku === row.sku.trim());
      return {
        sku: row.sku.trim(),
        price: { amount: parseDecimal(row.price, exponent) ?? row.price.trim(), currency },
        ...(old ? { attributes: old.attributes.map((a) => ({ key: a.key, value: a.value })) } : {}),
        ...(old && typeof old.weightG === 'number' ? { weightG: old.weightG } : {}),
        ...(old?.dimensionsMm ? { dimensionsMm: old.dimensionsMm } : {}),
      };
    }) as ProductDto['variants'],
  } as ProductDto;
}

/** Create or edit a product: texts in the seller's language, category, origin, and the variants with SKU and price. */
export function ProductEditorPage() {
  const { id } = useParams();
  const { t, lang, number } = useI18n();
  const errorMessage = useErrorMessage();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const product = useQuery({ queryKey: ['product', id, lang], enabled: !!id, queryFn: async () => (await productsControllerGetV1({ path: { id: id! } })).data });
  const categories = useQuery({ queryKey: ['categories', lang], queryFn: async () => (await categoriesControllerListV1()).data });
  const location = useLocation();
  // a new product lands on its own page, still saying it was saved
  const [result, setResult] = useState<{ ok?: string; message?: string; errors: FieldError[] } | undefined>(() =>
    (location.state as { created?: boolean } | null)?.created ? { ok: t('catalog.saved'), errors: [] } : undefined,
  );
  // one values object per product read: the form resets when the product is (re)read, never while typing
  const values = useMemo(() => valuesOf(product.data), [product.data]);
  const form = useForm<Values>({ values, resetOptions: { keepDirtyValues: false } });
  const rows = useFieldArray({ control: form.control, name: 'variants' });
  const currency = (form.watch('currency') || product.data?.currency || '').toUpperCase();
  const markets = useQuery({ queryKey: ['markets', lang], queryFn: async () => (await marketsControllerListV1()).data });
  // the API's exponent for the currency when a market uses it (the kernel's ISO 4217 table), else Intl's
  const exponent = currency ? exponentOf(currency, markets.data?.find((m) => m.currency === currency)?.currencyExponent) : 2;

  const save = form.handleSubmit(async (v) => {
    setResult(undefined);
    const local: FieldError[] = v.variants.flatMap((row, i) =>
      parseDecimal(row.price, exponent) === null ? [{ field: `variants[${i}].price.amount`, code: 'AMOUNT', message: t('catalog.amountInvalid', { digits: number(exponent) }) }] : [],
    );
    if (!currency) local.push({ field: 'currency', code: 'REQUIRED', message: t('catalog.currencyRequired') });
    if (local.length) return setResult({ message: t('catalog.fixFields'), errors: local });
    try {
      const body = bodyOf(v, product.data, currency, exponent);
      const { data } = id ? await productsControllerUpdateV1({ path: { id }, body }) : await productsControllerCreateV1({ body });
      await queryClient.invalidateQueries({ queryKey: ['products'] });
      await queryClient.invalidateQueries({ queryKey: ['product', data.id] });
      await queryClient.invalidateQueries({ queryKey: ['translations', data.id] });
      await queryClient.invalidateQueries({ queryKey: ['listing', data.id] });
      setResult({ ok: t('catalog.saved'), errors: [] });
      if (!id) await navigate(`/products/${data.id}`, { replace: true, state: { created: true } });
    } catch (e) {
      setResult({ message: errorMessage(e), errors: e instanceof ApiError ? e.details : [] });
    }
  });

  if (id && !product.data) return <Pending error={product.error} loading />;
  const errors = byField(result?.errors ?? []);
  const shown = (f: string) => f in errors && /^(title|description|category|sourceLocale|currency|status|brand|originCountry|hsCode|safetyInformation|conformity\.docUrl|gpsr\.(manufacturer|euResponsiblePerson)\.(name|email|address\.(line1|city|postalCode|country))|variants\[\d+\]\.(sku|price\.amount))$/.test(f);
  const categoryOptions = [{ value: '', label: t('catalog.chooseCategory') }, ...(categories.data ?? []).map((c) => ({ value: c.code, label: c.label }))];

  return (
    <section>
      <h1 tabIndex={-1}>{id ? product.data!.title : t('catalog.products.new')}</h1>
      {id ? <ProductTabs id={id} /> : null}
      <form onSubmit={save} noValidate aria-label={t('catalog.editor')}>
        {result?.message ? <FormAlert message={result.message} extra={(result.errors ?? []).filter((e) => !shown(e.field)).map((e) => e.message)} /> : null}
        {result?.ok ? (
          <p className="success" role="status">
            {result.ok}
          </p>
        ) : null}
        <TextField path="title" label={t('catalog.title')} required maxLength={200} registration={form.register('title')} error={errors.title} />
        <div className="field">
          <label htmlFor="f-description">{t('catalog.description')}</label>
          <textarea id="f-description" rows={4} {...form.register('description')} aria-invalid={errors.description ? true : undefined} />
          {errors.description ? <p className="error">{errors.description}</p> : null}
        </div>
        <SelectField path="category" label={t('catalog.category')} required options={categoryOptions} registration={form.register('category')} error={errors.category} />
        <SelectField path="status" label={t('catalog.status')} options={STATUSES.map((s) => ({ value: s, label: t(`catalog.status.${s}` as MessageKey) }))} registration={form.register('status')} error={errors.status} />
        <fieldset>
          <legend>{t('catalog.origin')}</legend>
          <TextField path="sourceLocale" label={t('catalog.sourceLocale')} hint={t('catalog.sourceLocaleHint')} autoComplete="off" spellCheck={false} registration={form.register('sourceLocale')} error={errors.sourceLocale} />
          <TextField path="currency" label={t('home.currency')} hint={t('catalog.currencyHint')} maxLength={3} autoComplete="off" spellCheck={false} registration={form.register('currency')} error={errors.currency} />
          <TextField path="brand" label={t('catalog.brand')} registration={form.register('brand')} error={errors.brand} />
          <TextField path="originCountry" label={t('catalog.originCountry')} maxLength={2} autoComplete="off" registration={form.register('originCountry')} error={errors.originCountry} />
          <TextField path="hsCode" label={t('catalog.hsCode')} inputMode="numeric" autoComplete="off" registration={form.register('hsCode')} error={errors.hsCode} />
        </fieldset>
        <fieldset>
          <legend>{t('catalog.gpsr')}</legend>
          <p className="hint">{t('catalog.gpsrIntro')}</p>
          <div className={`field${errors.safetyInformation ? ' invalid' : ''}`}>
            <label htmlFor="f-safetyInformation">{t('catalog.field.safetyInformation')}</label>
            <textarea id="f-safetyInformation" rows={3} {...form.register('safetyInformation')} aria-invalid={errors.safetyInformation ? true : undefined} />
            {errors.safetyInformation ? <p className="error">{errors.safetyInformation}</p> : null}
          </div>
          {(['manufacturer', 'euResponsiblePerson'] as const).map((who) => (
            <fieldset key={who}>
              <legend>{t(`catalog.gpsr.${who}`)}</legend>
              <TextField path={`gpsr.${who}.name`} label={t('catalog.gpsr.name')} registration={form.register(`${who}.name`)} error={errors[`gpsr.${who}.name`]} />
              <TextField path={`gpsr.${who}.address.line1`} label={t('catalog.gpsr.line1')} registration={form.register(`${who}.line1`)} error={errors[`gpsr.${who}.address.line1`]} />
              <TextField path={`gpsr.${who}.address.city`} label={t('catalog.gpsr.city')} registration={form.register(`${who}.city`)} error={errors[`gpsr.${who}.address.city`]} />
              <TextField path={`gpsr.${who}.address.postalCode`} label={t('catalog.gpsr.postalCode')} registration={form.register(`${who}.postalCode`)} error={errors[`gpsr.${who}.address.postalCode`]} />
              <TextField path={`gpsr.${who}.address.country`} label={t('catalog.gpsr.country')} maxLength={2} registration={form.register(`${who}.country`)} error={errors[`gpsr.${who}.address.country`]} />
              <TextField path={`gpsr.${who}.email`} label={t('field.email')} type="email" registration={form.register(`${who}.email`)} error={errors[`gpsr.${who}.email`]} />
            </fieldset>
          ))}
          <TextField path="conformity.docUrl" label={t('catalog.docUrl')} type="url" registration={form.register('docUrl')} error={errors['conformity.docUrl']} />
        </fieldset>
        {rows.fields.map((row, i) => (
          <fieldset key={row.id}>
            <legend>{t('catalog.variant', { n: i + 1 })}</legend>
            <TextField path={`variants[${i}].sku`} label={t('catalog.sku')} required autoComplete="off" spellCheck={false} registration={form.register(`variants.${i}.sku`)} error={errors[`variants[${i}].sku`]} />
            <TextField
              path={`variants[${i}].price.amount`}
              label={t('catalog.priceIn', { currency: currency || '…' })}
              required
              inputMode="decimal"
              autoComplete="off"
              hint={t('catalog.priceHint', { digits: number(exponent) })}
              registration={form.register(`variants.${i}.price`)}
              error={errors[`variants[${i}].price.amount`]}
            />
            {rows.fields.length > 1 ? (
              <button type="button" className="secondary" onClick={() => rows.remove(i)}>
                {t('catalog.removeVariant')}
              </button>
            ) : null}
          </fieldset>
        ))}
        <div className="actions">
          <button type="button" className="secondary" onClick={() => rows.append({ sku: '', price: '' })}>
            {t('catalog.addVariant')}
          </button>
          <button type="submit" disabled={form.formState.isSubmitting}>
            {t('catalog.save')}
          </button>
        </div>
      </form>
      {id ? <ProductImages productId={id} locale={product.data!.sourceLocale} /> : null}
    </section>
  );
}
