import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import {
  ApiError,
  opsCountriesControllerDiffV1,
  opsCountriesControllerDiscardV1,
  opsCountriesControllerDraftV1,
  opsCountriesControllerIdentifierTypesV1,
  opsCountriesControllerImpactV1,
  opsCountriesControllerOverviewV1,
  opsCountriesControllerPublishV1,
  opsCountriesControllerSaveDraftV1,
  opsCountriesControllerValidateV1,
  opsCountriesControllerVersionV1,
  type DraftImpactView,
  type PackChangeView,
} from '../api/client';
import { useI18n, type MessageKey } from '../i18n';
import { DiffTable, DraftActionBar, Pending, ProblemList, Table, useDraftActions } from './common';
import { clonePack, describe, dotted, emptyLabel, findLabels, getIn, PACK_LANGS, placeOf, problemPath, setIn, type Doc, type Path } from './pack';

interface Problem {
  field: string;
  code: string;
  message: string;
}
interface Start {
  doc: Doc;
  origin: 'draft' | 'published' | 'clone';
  published: number | null;
}
interface IdentifierRow {
  type: string;
  required: boolean;
  purpose: string;
  prefix?: string;
  label: Record<string, string>;
}
interface LegalForm {
  code: string;
  label: Record<string, string>;
  eligibility: { allowed: boolean };
  identifiers: IdentifierRow[];
}
interface Sample {
  name: string;
  expect: 'accept' | 'reject';
  rejectFields?: string[];
  registration: { legalName?: string; legalForm?: string; identifiers?: Record<string, string> };
}
const PURPOSES = ['tax_id', 'vat', 'registry', 'personal_id', 'other'] as const;

/** `legalForms.0.identifiers.1` → an element id. */
const anchor = (place: string) => `p-${place.replace(/[^a-zA-Z0-9]/g, '_')}`;

async function loadStart(cc: string, from: string | null): Promise<Start> {
  const overview = (await opsCountriesControllerOverviewV1()).data;
  const versionOf = (code: string) => {
    const v = overview.find((c) => c.country === code)?.publishedVersion;
    return typeof v === 'number' ? v : null;
  };
  const published = versionOf(cc);
  if (from) {
    const v = versionOf(from);
    if (v === null) throw new ApiError(404, 'NOT_FOUND', from);
    const source = (await opsCountriesControllerVersionV1({ path: { cc: from, version: String(v) } })).data.document;
    return { doc: clonePack(source, cc), origin: 'clone', published };
  }
  try {
    return { doc: (await opsCountriesControllerDraftV1({ path: { cc } })).data.document, origin: 'draft', published };
  } catch (e) {
    if (!(e instanceof ApiError && e.status === 404) || published === null) throw e;
  }
  const doc = (await opsCountriesControllerVersionV1({ path: { cc, version: String(published) } })).data.document;
  return { doc, origin: 'published', published };
}

/**
 * The country-pack editor: labels in a five-language grid (missing ones highlighted), identifier
 * types picked from the API's list, examples, samples with their results, validation problems shown
 * where they are, the diff against the published version, and publishing. No JSON to write.
 */
export function PackEditorPage() {
  const { cc = '' } = useParams();
  const [search] = useSearchParams();
  const from = search.get('from');
  const { t, lang } = useI18n();
  const queryClient = useQueryClient();
  const start = useQuery({ queryKey: ['ops', 'pack-start', cc, from], queryFn: () => loadStart(cc, from), staleTime: Infinity, gcTime: 0 });
  const types = useQuery({ queryKey: ['ops', 'identifier-types', lang], queryFn: async () => (await opsCountriesControllerIdentifierTypesV1()).data });
  const [doc, setDoc] = useState<Doc>();
  const [dirty, setDirty] = useState(false);
  const { problems, setProblems, status, setStatus, busy, run } = useDraftActions<Problem>();
  const [diff, setDiff] = useState<PackChangeView[]>();
  const [impact, setImpact] = useState<DraftImpactView>();
  const [onlyMissing, setOnlyMissing] = useState(false);

  useEffect(() => {
    if (start.data && !doc) {
      setDoc(start.data.doc);
      setDirty(start.data.origin !== 'draft');
    }
  }, [start.data, doc]);

  const labels = useMemo(() => (doc ? findLabels(doc) : []), [doc]);
  const missing = labels.reduce((n, p) => n + PACK_LANGS.filter((l) => !String((getIn(doc, p) as Record<string, string>)[l] ?? '').trim()).length, 0);

  if (!doc || !start.data) return <Pending error={start.error} loading={start.isPending} />;
  const legalForms = (doc.legalForms ?? []) as LegalForm[];
  const samples = (doc.samples ?? []) as Sample[];
  const ownTypes = ((doc.identifierTypes ?? []) as { code: string; example?: string }[]).map((d) => d.code);
  const typeOptions = [
    ...ownTypes,
    ...(types.data?.builtIn ?? []).filter((b) => b.country === null || (b.country as unknown) === cc).map((b) => b.code),
  ].filter((v, i, all) => all.indexOf(v) === i);
  const typeName = (code: string) => types.data?.builtIn.find((b) => b.code === code)?.name ?? code;

  const change = (path: Path, value: unknown) => {
    setDoc((d) => setIn(d!, path, value));
    setDirty(true);
    setDiff(undefined);
    setImpact(undefined);
  };

  // every place the form shows, for problems to land on
  const places = new Set<string>(['country', 'phone.example', 'bank.example', 'address.postalCode.pattern', 'address.postalCode.example']);
  for (const p of labels) {
    places.add(dotted(p));
    for (const l of PACK_LANGS) places.add(dotted([...p, l]));
  }
  legalForms.forEach((f, i) => {
    places.add(`legalForms.${i}`);
    f.identifiers.forEach((_, j) => {
      places.add(`legalForms.${i}.identifiers.${j}`);
      places.add(`legalForms.${i}.identifiers.${j}.prefix`);
    });
  });
  ((doc.identifierTypes ?? []) as unknown[]).forEach((_, k) => {
    places.add(`identifierTypes.${k}`);
    places.add(`identifierTypes.${k}.example`);
  });
  samples.forEach((_, i) => places.add(`samples.${i}`));
  const located = (problems ?? []).map((p) => ({ ...p, place: placeOf(problemPath(doc, p.field), places) }));
  const at = (place: string) => located.filter((p) => p.place === place);
  const ProblemsAt = ({ place }: { place: string }) => <ProblemList field={place} problems={at(place)} />;

  const save = async () => {
    await opsCountriesControllerSaveDraftV1({ path: { cc }, body: doc });
    setDirty(false);
  };
  const onSave = () =>
    run(async () => {
      await save();
      setProblems(undefined);
      setStatus({ ok: t('ops.pack.saved') });
    });
  const onValidate = () =>
    run(async () => {
      if (dirty) await save();
      const { data } = await opsCountriesControllerValidateV1({ path: { cc } });
      const list = data.problems as unknown as Problem[];
      setProblems(list);
      setStatus(data.valid ? { ok: t('ops.pack.valid') } : { error: t('ops.pack.invalid', { count: list.length }) });
    });
  const onDiff = () =>
    run(async () => {
      if (dirty) await save();
      const [changes, flagged] = [
        (await opsCountriesControllerDiffV1({ path: { cc }, query: { from: String(start.data.published), to: 'draft' } })).data,
        (await opsCountriesControllerImpactV1({ path: { cc } })).data,
      ];
      setDiff(changes);
      setImpact(flagged);
    });
  const onPublish = () =>
    run(async () => {
      if (dirty) await save();
      const { data } = await opsCountriesControllerPublishV1({ path: { cc } });
      setProblems([]);
      setStatus({ ok: t('ops.pack.published', { version: String(data.version) }) });
      await queryClient.invalidateQueries({ queryKey: ['ops', 'countries'] });
    });
  const onDiscard = () =>
    run(async () => {
      await opsCountriesControllerDiscardV1({ path: { cc } });
      setStatus({ ok: t('ops.pack.discarded') });
    });

  const validated = problems !== undefined;
  const sampleResult = (i: number): ReactNode => {
    if (!validated) return t('ops.pack.sampleNotRun');
    if (at(`samples.${i}`).length) return null;
    // the API runs samples only once everything else passes
    return located.some((p) => p.place !== `samples.${i}` && !p.place?.startsWith('samples.')) ? t('ops.pack.sampleBlocked') : t('ops.pack.sampleOk');
  };

  return (
    <section className="pack-editor">
      <p>
        <Link to="/ops/countries">{t('ops.pack.back')}</Link>
      </p>
      <h1 tabIndex={-1}>{t('ops.pack.title', { country: cc })}</h1>
      <p className="note" data-testid="pack-origin">
        {start.data.origin === 'clone' ? t('ops.pack.fromClone', { country: from ?? '' }) : start.data.origin === 'draft' ? t('ops.pack.fromDraft') : t('ops.pack.fromPublished', { version: String(start.data.published) })}
      </p>

      <DraftActionBar
        busy={busy}
        status={status}
        canDiff={start.data.published !== null}
        publishBlocked={missing > 0}
        onSave={() => void onSave()}
        onValidate={() => void onValidate()}
        onDiff={() => void onDiff()}
        onPublish={() => void onPublish()}
        onDiscard={() => void onDiscard()}
      />
      {located.length ? (
        <nav className="card" aria-label={t('ops.pack.problems')}>
          <h2>{t('ops.pack.problems')}</h2>
          <ul>
            {located.map((p) => (
              <li key={`${p.field}-${p.code}`}>
                {p.place ? <a href={`#${anchor(p.place)}`}>{p.message}</a> : p.message}
              </li>
            ))}
          </ul>
        </nav>
      ) : null}

      {diff ? (
        <section className="card" aria-labelledby="diff-title">
          <h2 id="diff-title">{t('ops.pack.diffTitle', { version: String(start.data.published) })}</h2>
          {impact ? (
            <p data-testid="impact">
              {t('ops.pack.impact', { count: impact.sellers, forms: impact.byLegalForm.map((f) => `${f.legalForm} (${f.sellers})`).join(', ') || '—' })}
            </p>
          ) : null}
          <DiffTable label={t('ops.pack.diffTitle', { version: String(start.data.published) })} diff={diff} />
        </section>
      ) : null}

      <h2 id={anchor('labels')}>{t('ops.pack.labels', { missing })}</h2>
      <div className="field checkbox">
        <input id="only-missing" type="checkbox" checked={onlyMissing} onChange={(e) => setOnlyMissing(e.target.checked)} />
        <label htmlFor="only-missing">{t('ops.pack.onlyMissing')}</label>
      </div>
      <Table label={t('ops.pack.labelsGrid')}>
        <thead>
          <tr>
            <th scope="col">{t('ops.pack.where')}</th>
            {PACK_LANGS.map((l) => (
              <th scope="col" key={l} lang={l}>
                {new Intl.DisplayNames([lang], { type: 'language' }).of(l)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {labels.map((p) => {
            const label = getIn(doc, p) as Record<string, string>;
            const empty = PACK_LANGS.filter((l) => !String(label[l] ?? '').trim());
            if (onlyMissing && !empty.length) return null;
            const where = describe(doc, p);
            const place = dotted(p);
            return (
              <tr key={place} id={anchor(place)} className={empty.length ? 'has-missing' : undefined}>
                <th scope="row">
                  <code>{where}</code>
                  <ProblemsAt place={place} />
                </th>
                {PACK_LANGS.map((l) => {
                  const value = label[l] ?? '';
                  const isMissing = !value.trim();
                  return (
                    <td key={l} id={anchor(`${place}.${l}`)} className={isMissing ? 'missing' : undefined}>
                      <textarea
                        lang={l}
                        rows={2}
                        aria-label={t('ops.pack.labelIn', { where, language: l })}
                        aria-invalid={isMissing || undefined}
                        value={value}
                        onChange={(e) => change([...p, l], e.target.value)}
                      />
                      <ProblemsAt place={`${place}.${l}`} />
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </Table>

      <h2>{t('ops.pack.legalForms')}</h2>
      {legalForms.map((f, i) => (
        <fieldset key={`${f.code}-${i}`} id={anchor(`legalForms.${i}`)}>
          <legend>
            {f.label?.[lang] || f.label?.en || f.code} <code>{f.code}</code>
          </legend>
          <ProblemsAt place={`legalForms.${i}`} />
          <div className="field checkbox">
            <input id={`lf-${i}-allowed`} type="checkbox" checked={f.eligibility?.allowed ?? false} onChange={(e) => change(['legalForms', i, 'eligibility', 'allowed'], e.target.checked)} />
            <label htmlFor={`lf-${i}-allowed`}>{t('ops.pack.allowed')}</label>
          </div>
          <Table label={t('ops.pack.identifiersOf', { form: f.code })}>
            <thead>
              <tr>
                <th scope="col">{t('ops.pack.identifierType')}</th>
                <th scope="col">{t('ops.pack.purpose')}</th>
                <th scope="col">{t('ops.pack.required')}</th>
                <th scope="col">{t('ops.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {f.identifiers.map((id, j) => {
                const base: Path = ['legalForms', i, 'identifiers', j];
                const rowId = `lf-${i}-id-${j}`;
                return (
                  <tr key={`${id.type}-${j}`} id={anchor(dotted(base))}>
                    <td>
                      <label htmlFor={`${rowId}-type`} className="visually-hidden">
                        {t('ops.pack.identifierType')}
                      </label>
                      <select id={`${rowId}-type`} value={id.type} onChange={(e) => change([...base, 'type'], e.target.value)}>
                        {[id.type, ...typeOptions.filter((o) => o !== id.type)].map((o) => (
                          <option key={o} value={o}>
                            {o === id.type && !typeOptions.includes(o) ? o : `${o} — ${typeName(o)}`}
                          </option>
                        ))}
                      </select>
                      {id.type === 'eu.vat' ? (
                        <div className="field" id={anchor(dotted([...base, 'prefix']))}>
                          <label htmlFor={`${rowId}-prefix`}>{t('ops.pack.prefix')}</label>
                          <input id={`${rowId}-prefix`} value={id.prefix ?? ''} maxLength={2} onChange={(e) => change([...base, 'prefix'], e.target.value.toUpperCase())} />
                          <ProblemsAt place={dotted([...base, 'prefix'])} />
                        </div>
                      ) : null}
                      <ProblemsAt place={dotted(base)} />
                    </td>
                    <td>
                      <label htmlFor={`${rowId}-purpose`} className="visually-hidden">
                        {t('ops.pack.purpose')}
                      </label>
                      <select id={`${rowId}-purpose`} value={id.purpose} onChange={(e) => change([...base, 'purpose'], e.target.value)}>
                        {PURPOSES.map((p) => (
                          <option key={p} value={p}>
                            {t(`ops.pack.purpose.${p}` as MessageKey)}
                          </option>
                        ))}
                      </select>
                    </td>
                    <td>
                      <input type="checkbox" aria-label={t('ops.pack.requiredOf', { type: id.type })} checked={id.required} onChange={(e) => change([...base, 'required'], e.target.checked)} />
                    </td>
                    <td>
                      <button type="button" className="link" onClick={() => change(base, undefined)}>
                        {t('ops.pack.remove')}
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </Table>
          <button
            type="button"
            className="secondary"
            disabled={!typeOptions.length}
            onClick={() => change(['legalForms', i, 'identifiers'], [...f.identifiers, { type: typeOptions[0], required: false, purpose: 'tax_id', label: emptyLabel() }])}
          >
            {t('ops.pack.addIdentifier')}
          </button>
        </fieldset>
      ))}

      {((doc.identifierTypes ?? []) as { code: string; example?: string }[]).length ? (
        <>
          <h2>{t('ops.pack.ownTypes')}</h2>
          {((doc.identifierTypes ?? []) as { code: string; example?: string }[]).map((d, k) => (
            <div key={`${d.code}-${k}`} id={anchor(`identifierTypes.${k}`)} className="field">
              <label htmlFor={`it-${k}-example`}>{t('ops.pack.exampleOf', { type: d.code })}</label>
              <input id={`it-${k}-example`} value={d.example ?? ''} onChange={(e) => change(['identifierTypes', k, 'example'], e.target.value)} />
              <ProblemsAt place={`identifierTypes.${k}`} />
              <ProblemsAt place={`identifierTypes.${k}.example`} />
            </div>
          ))}
        </>
      ) : null}

      <h2>{t('ops.pack.contact')}</h2>
      <EditField place="phone.example" label={t('ops.pack.phoneExample')} doc={doc} change={change} problems={<ProblemsAt place="phone.example" />} />
      <EditField place="bank.example" label={t('ops.pack.bankExample')} doc={doc} change={change} problems={<ProblemsAt place="bank.example" />} />
      <EditField place="address.postalCode.pattern" label={t('ops.pack.postalPattern')} doc={doc} change={change} problems={<ProblemsAt place="address.postalCode.pattern" />} />
      <EditField place="address.postalCode.example" label={t('ops.pack.postalExample')} doc={doc} change={change} problems={<ProblemsAt place="address.postalCode.example" />} />

      <h2>{t('ops.pack.samples')}</h2>
      <p className="hint">{t('ops.pack.samplesIntro')}</p>
      {samples.length === 0 ? <p>{t('ops.pack.noSamples')}</p> : null}
      <ul className="samples">
        {samples.map((s, i) => (
          <li key={`${s.name}-${i}`} id={anchor(`samples.${i}`)} className="card" data-testid={`sample-${i}`}>
            <strong>{s.name}</strong>
            <div className="note">
              {t(s.expect === 'accept' ? 'ops.pack.expectAccept' : 'ops.pack.expectReject')}
              {s.rejectFields?.length ? ` (${s.rejectFields.join(', ')})` : ''} · {s.registration.legalForm} · {s.registration.legalName}
            </div>
            <div className="note mono">
              {Object.entries(s.registration.identifiers ?? {})
                .map(([k, v]) => `${k}: ${v}`)
                .join(' · ')}
            </div>
            <p className="sample-result">{sampleResult(i)}</p>
            <ProblemsAt place={`samples.${i}`} />
            <button type="button" className="link" onClick={() => change(['samples', i], undefined)}>
              {t('ops.pack.removeSample')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

function EditField({ place, label, doc, change, problems }: { place: string; label: string; doc: Doc; change: (p: Path, v: unknown) => void; problems: ReactNode }) {
  const path = place.split('.');
  const id = anchor(place);
  return (
    <div className="field" id={id}>
      <label htmlFor={`${id}-input`}>{label}</label>
      <input id={`${id}-input`} value={String(getIn(doc, path) ?? '')} onChange={(e) => change(path, e.target.value)} />
      {problems}
    </div>
  );
}
