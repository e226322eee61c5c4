import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { Link, useParams } from 'react-router';
import {
  ApiError,
  countriesControllerSpecV1,
  opsKycControllerDecideV1,
  opsKycControllerDownloadV1,
  opsKycControllerFileV1,
  opsKycControllerMessageV1,
  opsKycControllerQueueV1,
  type DecisionDto,
  type KycCaseFileView,
  type KycCheckView,
} from '../api/client';
import { FormAlert, SelectField, useErrorMessage } from '../forms';
import { useI18n, type MessageKey } from '../i18n';
import { readSpec } from '../spec';
import { Json, Pending, str, Table } from './common';

type ReasonCode = NonNullable<DecisionDto['reasonCode']>;
const REASON_CODES: ReasonCode[] = ['DOCUMENT_UNREADABLE', 'DOCUMENT_EXPIRED', 'NAME_MISMATCH', 'WRONG_DOCUMENT', 'INFORMATION_INCOMPLETE', 'PACK_REQUIREMENTS_ADDED', 'NOT_ELIGIBLE', 'SANCTIONS_HIT', 'IDENTITY_CHECK_FAILED', 'OTHER'];

interface CaseDocument {
  id: string;
  type: string;
  mediaType: string;
  size: number;
  sha256: string;
  reviewStatus: 'pending' | 'accepted' | 'rejected';
  reviewReason: string | null;
  issuedOn: string | null;
  uploadedAt: string;
}
interface CasePerson {
  id: string;
  role: string;
  fullName: string;
  dateOfBirth: string;
  nationality: string;
  sharePercent: string | null;
  hasIdNumber: boolean;
}
interface CaseEvent {
  id: string;
  fromStatus: string | null;
  toStatus: string;
  actorRole: string;
  actorAccountId: string | null;
  reasonCode: string | null;
  internalNote: string | null;
  occurredAt: string;
}
interface Hit {
  subject: string;
  entryId: string;
  source: string;
  matchedName: string;
  score: number;
  strength: string;
  decision: string;
}
interface DecisionForm {
  decision: DecisionDto['decision'] | '';
  reasonCode: ReasonCode | '';
  documents: Record<string, { status: '' | 'accepted' | 'rejected'; reasonCode: ReasonCode | '' }>;
  internalNote: string;
}

/** The case file: who, why in review, the checks with their evidence, documents (viewed inline), persons, history; the decision. */
export function CasePage() {
  const { id = '' } = useParams();
  const { t, lang, date, countryName } = useI18n();
  const file = useQuery({ queryKey: ['ops', 'case', id, lang], queryFn: async () => (await opsKycControllerFileV1({ path: { id } })).data });
  const kase = file.data?.case;
  // the queue row carries what the file does not: legal name, e-mail, reasons, four-eyes state
  const summary = useQuery({
    queryKey: ['ops', 'case-summary', kase?.sellerId, kase?.status, lang],
    enabled: !!kase,
    queryFn: async () => (await opsKycControllerQueueV1({ query: { sellerId: kase!.sellerId, status: kase!.status } })).data.find((c) => c.id === id) ?? null,
  });
  const spec = useQuery({ queryKey: ['country', kase?.country, lang], enabled: !!kase, queryFn: async () => (await countriesControllerSpecV1({ path: { cc: kase!.country } })).data });

  if (!file.data || !kase) return <Pending error={file.error} loading={file.isPending} />;
  const documents = file.data.documents as unknown as CaseDocument[];
  const persons = file.data.persons as unknown as CasePerson[];
  const history = file.data.history as unknown as CaseEvent[];
  const legalForm = spec.data ? readSpec(spec.data).legalForms.find((f) => f.code === kase.legalForm) : undefined;
  const docLabel = (type: string) => legalForm?.documents.find((d) => d.type === type)?.label ?? type;
  const s = summary.data;
  const title = file.data.seller?.business?.legalName ?? str(s?.legalName) ?? t('ops.case.title');

  return (
    <section>
      <p>
        <Link to="/ops">{t('ops.case.back')}</Link>
      </p>
      <h1 tabIndex={-1}>{title}</h1>
      <dl className="facts">
        <dt>{t('ops.queue.status')}</dt>
        <dd data-testid="case-status">{t(`kyc.status.${kase.status}` as MessageKey)}</dd>
        {s ? (
          <>
            <dt>{t('field.email')}</dt>
            <dd>{s.sellerEmail}</dd>
          </>
        ) : null}
        {str(s?.tradingName) ? (
          <>
            <dt>{(spec.data && readSpec(spec.data).fields.get('tradingName')?.label) ?? t('business.tradingName')}</dt>
            <dd data-testid="case-trading-name">{str(s?.tradingName)}</dd>
          </>
        ) : null}
        <dt>{t('field.country')}</dt>
        <dd>{countryName(kase.country)}</dd>
        <dt>{t('business.legalForm')}</dt>
        <dd>{legalForm?.label ?? kase.legalForm}</dd>
        <dt>{t('ops.case.pack')}</dt>
        <dd>{kase.packVersion}</dd>
        {str(kase.submittedAt) ? (
          <>
            <dt>{t('ops.case.submitted')}</dt>
            <dd>{date(str(kase.submittedAt)!)}</dd>
          </>
        ) : null}
        {s?.reviewReasons.length ? (
          <>
            <dt>{t('ops.queue.reason')}</dt>
            <dd>{s.reviewReasons.map((r) => t(`ops.reviewReason.${r}` as MessageKey)).join(', ')}</dd>
          </>
        ) : null}
        <dt>{t('ops.case.fourEyes')}</dt>
        <dd data-testid="four-eyes">{kase.fourEyes ? t(`ops.fourEyes.${s?.fourEyesState ?? (kase.firstApprovalBy ? 'awaiting_second_approval' : 'awaiting_first_approval')}` as MessageKey) : t('ops.fourEyes.not_required')}</dd>
      </dl>

      <SellerBlock seller={file.data.seller} />

      <h2>{t('ops.case.checks')}</h2>
      {file.data.checks.length === 0 ? <p>{t('ops.case.noChecks')}</p> : null}
      {file.data.checks.map((c, i) => (
        <Check key={`${c.kind}-${i}`} check={c} persons={persons} legalName={str(s?.legalName)} />
      ))}

      <h2>{t('kyc.documents')}</h2>
      {documents.length === 0 ? <p>{t('ops.case.noDocuments')}</p> : null}
      <ul className="documents">
        {documents.map((d) => (
          <DocumentItem key={d.id} doc={d} label={docLabel(d.type)} />
        ))}
      </ul>

      <h2>{t('kyc.persons')}</h2>
      <Table label={t('kyc.persons')}>
        <thead>
          <tr>
            <th scope="col">{t('kyc.fullName')}</th>
            <th scope="col">{t('kyc.role')}</th>
            <th scope="col">{t('kyc.dateOfBirth')}</th>
            <th scope="col">{t('kyc.nationality')}</th>
            <th scope="col">{t('kyc.share')}</th>
            <th scope="col">{t('kyc.idNumber')}</th>
          </tr>
        </thead>
        <tbody>
          {persons.map((p) => (
            <tr key={p.id}>
              <td>{p.fullName}</td>
              <td>{t(`kyc.role.${p.role}` as MessageKey)}</td>
              <td>{date(p.dateOfBirth)}</td>
              <td>{countryName(p.nationality)}</td>
              <td>{p.sharePercent ?? '—'}</td>
              <td>{p.hasIdNumber ? t('ops.case.idOnFile') : '—'}</td>
            </tr>
          ))}
        </tbody>
      </Table>

      <h2>{t('ops.case.history')}</h2>
      <ol className="history">
        {history.map((h) => (
          <li key={h.id}>
            <time dateTime={h.occurredAt}>{new Date(h.occurredAt).toLocaleString(lang)}</time> · {h.fromStatus ? `${t(`kyc.status.${h.fromStatus}` as MessageKey)} → ` : ''}
            {t(`kyc.status.${h.toStatus}` as MessageKey)} · {h.actorRole}
            {h.reasonCode ? ` · ${h.reasonCode}` : ''}
            {h.internalNote ? <div className="note">{t('ops.case.note', { note: h.internalNote })}</div> : null}
          </li>
        ))}
      </ol>

      <Messages caseId={id} messages={file.data.messages} />

      <Decision caseId={id} status={kase.status} documents={documents} docLabel={docLabel} />
    </section>
  );
}

function Check({ check, persons, legalName }: { check: KycCheckView; persons: CasePerson[]; legalName?: string }) {
  const { t, lang } = useI18n();
  const hits = check.kind === 'sanctions' && Array.isArray(check.evidence.hits) ? (check.evidence.hits as Hit[]) : null;
  const subject = (ref: string) => {
    if (ref === 'company') return { name: legalName ?? ref, detail: t('ops.case.company') };
    const p = persons.find((x) => `person:${x.id}` === ref);
    return p ? { name: p.fullName, detail: `${p.dateOfBirth} · ${p.nationality}` } : { name: ref, detail: '' };
  };
  return (
    <article className={`card check check-${check.result}`} aria-label={check.kind}>
      <h3>
        <code>{check.kind}</code> — {t(`ops.checkResult.${check.result}` as MessageKey)}
      </h3>
      <p className="note">
        {check.ruleVersion} · {new Date(check.checkedAt).toLocaleString(lang)}
      </p>
      {hits ? (
        hits.length === 0 ? (
          <p>{t('ops.case.noMatches')}</p>
        ) : (
          <Table label={t('ops.case.matches')}>
            <thead>
              <tr>
                <th scope="col">{t('ops.case.ourRecord')}</th>
                <th scope="col">{t('ops.case.listEntry')}</th>
                <th scope="col">{t('ops.case.score')}</th>
                <th scope="col">{t('ops.case.strength')}</th>
              </tr>
            </thead>
            <tbody>
              {hits.map((h, i) => {
                const ours = subject(h.subject);
                return (
                  <tr key={`${h.entryId}-${i}`} className={`match-${h.decision}`}>
                    <td>
                      <strong>{ours.name}</strong>
                      <div className="note">{ours.detail}</div>
                    </td>
                    <td>
                      <strong>{h.matchedName}</strong>
                      <div className="note">
                        {h.source} · {h.entryId}
                      </div>
                    </td>
                    <td>{h.score.toFixed(2)}</td>
                    <td>
                      {h.strength} ({h.decision})
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </Table>
        )
      ) : (
        <details>
          <summary>{t('ops.case.evidence')}</summary>
          <Json value={check.evidence} />
        </details>
      )}
    </article>
  );
}

/** A document opened inline (PDF in a frame, image as an image) through the audited ops download. */
function DocumentItem({ doc, label }: { doc: CaseDocument; label: string }) {
  const { t, date, number } = useI18n();
  const errorMessage = useErrorMessage();
  const [url, setUrl] = useState<string>();
  const [error, setError] = useState<string>();
  useEffect(() => () => (url ? URL.revokeObjectURL(url) : undefined), [url]);
  const open = async () => {
    setError(undefined);
    try {
      const { data } = await opsKycControllerDownloadV1({ path: { id: doc.id }, parseAs: 'blob' });
      setUrl(URL.createObjectURL(new Blob([data as Blob], { type: doc.mediaType })));
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  const ext = doc.mediaType === 'application/pdf' ? 'pdf' : doc.mediaType === 'image/png' ? 'png' : 'jpg';
  return (
    <li className="card" data-testid={`document-${doc.type}`}>
      <h3>{label}</h3>
      <p className="note">
        {doc.mediaType} · {t('ops.case.size', { kb: number(Math.ceil(doc.size / 1024)) })} · {t('kyc.uploadedOn', { date: date(doc.uploadedAt) })} ·{' '}
        <span data-testid="document-review">{t(`kyc.review.${doc.reviewStatus}` as MessageKey)}</span>
        {doc.reviewReason ? ` (${t(`ops.reasonCode.${doc.reviewReason}` as MessageKey)})` : ''}
      </p>
      <div className="actions">
        {url ? (
          <>
            <button type="button" className="secondary" onClick={() => setUrl(undefined)}>
              {t('ops.case.closeDocument')}
            </button>
            <a href={url} download={`${doc.type}.${ext}`}>
              {t('ops.case.saveCopy')}
            </a>
          </>
        ) : (
          <button type="button" className="secondary" onClick={() => void open()}>
            {t('ops.case.openDocument', { name: label })}
          </button>
        )}
      </div>
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
      {url ? (
        doc.mediaType === 'application/pdf' ? (
          <iframe className="viewer" src={url} title={label} />
        ) : (
          <img className="viewer" src={url} alt={label} />
        )
      ) : null}
      <p className="note mono">sha256 {doc.sha256.slice(0, 16)}…</p>
    </li>
  );
}

/** Form field names: no dots, never read as an array index. */
const key = (id: string) => `d${id.replace(/-/g, '')}`;

function Decision({ caseId, status, documents, docLabel }: { caseId: string; status: string; documents: CaseDocument[]; docLabel: (type: string) => string }) {
  const { t } = useI18n();
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const [result, setResult] = useState<{ ok?: string; error?: string; extra?: string[] }>();
  const form = useForm<DecisionForm>({
    defaultValues: { decision: '', reasonCode: '', documents: Object.fromEntries(documents.map((d) => [key(d.id), { status: '', reasonCode: '' }])), internalNote: '' },
  });
  const decisions: DecisionDto['decision'][] = status === 'approved' || status === 'suspended' ? ['approve', 'suspend'] : ['request_changes', 'approve', 'reject'];
  const submit = form.handleSubmit(async (v) => {
    setResult(undefined);
    if (!v.decision) return setResult({ error: t('ops.decision.choose') });
    const feedback = documents
      .map((d) => ({ documentId: d.id, ...v.documents[key(d.id)] }))
      .filter((f) => f.status)
      .map((f) => ({ documentId: f.documentId, status: f.status as 'accepted' | 'rejected', ...(f.status === 'rejected' && f.reasonCode ? { reasonCode: f.reasonCode as ReasonCode } : {}) }));
    try {
      const { data } = await opsKycControllerDecideV1({
        path: { id: caseId },
        body: {
          decision: v.decision,
          ...(v.reasonCode ? { reasonCode: v.reasonCode } : {}),
          ...(feedback.length ? { documents: feedback } : {}),
          ...(v.internalNote.trim() ? { internalNote: v.internalNote.trim() } : {}),
        },
      });
      const firstOfTwo = v.decision === 'approve' && data.fourEyes && data.status !== 'approved' && !!data.firstApprovalBy;
      setResult({ ok: firstOfTwo ? t('ops.decision.firstApproval') : t('ops.decision.done', { status: t(`kyc.status.${data.status}` as MessageKey) }) });
      await queryClient.invalidateQueries({ queryKey: ['ops'] });
    } catch (e) {
      setResult({ error: errorMessage(e), extra: e instanceof ApiError ? e.details.map((d) => d.message) : [] });
    }
  });
  const chosen = form.watch('decision');
  return (
    <form onSubmit={submit} noValidate aria-labelledby="decision-title" className="card decision">
      <h2 id="decision-title">{t('ops.decision.title')}</h2>
      {result?.error ? <FormAlert message={result.error} extra={result.extra} /> : null}
      {result?.ok ? (
        <p className="success" role="status">
          {result.ok}
        </p>
      ) : null}
      <fieldset>
        <legend>{t('ops.decision.legend')}</legend>
        {decisions.map((d) => (
          <div className="field checkbox" key={d}>
            <input type="radio" id={`decision-${d}`} value={d} {...form.register('decision')} />
            <label htmlFor={`decision-${d}`}>{t(`ops.decision.${d}` as MessageKey)}</label>
          </div>
        ))}
      </fieldset>
      <SelectField
        path="reasonCode"
        label={t('ops.decision.reason')}
        registration={form.register('reasonCode')}
        options={[{ value: '', label: t('ops.none') }, ...REASON_CODES.map((r) => ({ value: r, label: t(`ops.reasonCode.${r}` as MessageKey) }))]}
      />
      {chosen !== 'suspend' && documents.length ? (
        <fieldset>
          <legend>{t('ops.decision.documents')}</legend>
          {documents.map((d) => (
            <div className="doc-feedback" key={d.id}>
              <SelectField
                path={`feedback-${d.id}`}
                label={docLabel(d.type)}
                registration={form.register(`documents.${key(d.id)}.status`)}
                options={[
                  { value: '', label: t('ops.decision.noChange') },
                  { value: 'accepted', label: t('kyc.review.accepted') },
                  { value: 'rejected', label: t('kyc.review.rejected') },
                ]}
              />
              {form.watch(`documents.${key(d.id)}.status`) === 'rejected' ? (
                <SelectField
                  path={`feedback-reason-${d.id}`}
                  label={t('ops.decision.docReason', { name: docLabel(d.type) })}
                  registration={form.register(`documents.${key(d.id)}.reasonCode`)}
                  options={[{ value: '', label: t('ops.none') }, ...REASON_CODES.filter((r) => r !== 'SANCTIONS_HIT').map((r) => ({ value: r, label: t(`ops.reasonCode.${r}` as MessageKey) }))]}
                />
              ) : null}
            </div>
          ))}
        </fieldset>
      ) : null}
      <div className="field">
        <label htmlFor="f-internalNote">{t('ops.decision.note')}</label>
        <textarea id="f-internalNote" rows={2} aria-describedby="f-internalNote-hint" {...form.register('internalNote')} />
        <p className="hint" id="f-internalNote-hint">
          {t('ops.decision.noteHint')}
        </p>
      </div>
      <button type="submit" disabled={form.formState.isSubmitting}>
        {t('ops.decision.submit')}
      </button>
    </form>
  );
}

type CaseSeller = KycCaseFileView['seller'];

/** Who the seller is: the account and the business profile as saved (identifiers, addresses, representative). */
function SellerBlock({ seller }: { seller: CaseSeller }) {
  const { t, date, countryName } = useI18n();
  if (!seller) return null;
  const b = seller.business;
  const address = (a: Record<string, unknown> | undefined) =>
    a ? ['line1', 'line2', 'postalCode', 'city', 'region'].map((k) => str(a[k])).filter(Boolean).join(', ') + (str(a.country) ? ` (${countryName(str(a.country)!)})` : '') : '—';
  return (
    <section className="card" aria-labelledby="seller-block-title" data-testid="case-seller">
      <h2 id="seller-block-title">{t('ops.case.seller')}</h2>
      <dl className="facts">
        <dt>{t('field.email')}</dt>
        <dd>{seller.account.email}</dd>
        <dt>{t('ops.case.accountLanguage')}</dt>
        <dd>{new Intl.DisplayNames([seller.account.locale], { type: 'language' }).of(seller.account.locale) ?? seller.account.locale}</dd>
        <dt>{t('home.accountStatus')}</dt>
        <dd>{t(`seller.status.${seller.status}` as MessageKey)}</dd>
        <dt>{t('home.since')}</dt>
        <dd>{date(seller.createdAt)}</dd>
        {b ? (
          <>
            <dt>{t('ops.case.legalName')}</dt>
            <dd>{b.legalName}</dd>
            {Object.entries(b.identifiers).map(([type, value]) => (
              <div key={type} className="contents">
                <dt>
                  <code>{type}</code>
                </dt>
                <dd className="mono">{value}</dd>
              </div>
            ))}
            <dt>{t('ops.case.registeredAddress')}</dt>
            <dd>{address(b.registeredAddress)}</dd>
            <dt>{t('ops.case.phone')}</dt>
            <dd>{b.phone}</dd>
            {str(b.website) ? (
              <>
                <dt>{t('ops.case.website')}</dt>
                <dd>{str(b.website)}</dd>
              </>
            ) : null}
            <dt>{t('ops.case.representative')}</dt>
            <dd>{[b.representative.firstName, b.representative.lastName].filter(Boolean).join(' ') || '—'}</dd>
            {b.brands.length ? (
              <>
                <dt>{t('ops.case.brands')}</dt>
                <dd>{b.brands.join(', ')}</dd>
              </>
            ) : null}
          </>
        ) : (
          <>
            <dt>{t('ops.case.legalName')}</dt>
            <dd>{t('ops.case.noBusiness')}</dd>
          </>
        )}
      </dl>
    </section>
  );
}

/** Messages to the seller: shown to them as written, from "the review team" (never screening results: no tipping-off). */
function Messages({ caseId, messages }: { caseId: string; messages: KycCaseFileView['messages'] }) {
  const { t, lang } = useI18n();
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const [body, setBody] = useState('');
  const [result, setResult] = useState<{ ok?: string; error?: string; extra?: string[] }>();
  const [sending, setSending] = useState(false);
  const send = async () => {
    setResult(undefined);
    if (!body.trim()) return setResult({ error: t('ops.message.empty') });
    setSending(true);
    try {
      await opsKycControllerMessageV1({ path: { id: caseId }, body: { body: body.trim() } });
      setBody('');
      setResult({ ok: t('ops.message.sent') });
      await queryClient.invalidateQueries({ queryKey: ['ops', 'case', caseId] });
    } catch (e) {
      setResult({ error: errorMessage(e), extra: e instanceof ApiError ? e.details.map((d) => d.message) : [] });
    } finally {
      setSending(false);
    }
  };
  return (
    <form
      className="card"
      aria-labelledby="messages-title"
      onSubmit={(e) => {
        e.preventDefault();
        void send();
      }}
    >
      <h2 id="messages-title">{t('ops.message.title')}</h2>
      {messages.length ? (
        <ul className="messages" data-testid="case-messages">
          {messages.map((m) => (
            <li key={m.id}>
              <p className="note">{new Date(m.sentAt).toLocaleString(lang)}</p>
              {m.body}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('ops.message.none')}</p>
      )}
      {result?.error ? <FormAlert message={result.error} extra={result.extra} /> : null}
      {result?.ok ? (
        <p className="success" role="status">
          {result.ok}
        </p>
      ) : null}
      <div className="field">
        <label htmlFor="case-message">{t('ops.message.label')}</label>
        <textarea id="case-message" rows={3} value={body} maxLength={4000} aria-describedby="case-message-hint" onChange={(e) => setBody(e.target.value)} />
        <p className="hint" id="case-message-hint">
          {t('ops.message.hint')}
        </p>
      </div>
      <button type="submit" className="secondary" disabled={sending}>
        {t('ops.message.send')}
      </button>
    </form>
  );
}
