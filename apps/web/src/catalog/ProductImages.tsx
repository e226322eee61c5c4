import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import {
  productImagesControllerContentV1,
  productImagesControllerListV1,
  productImagesControllerRemoveV1,
  productImagesControllerUpdateV1,
  type ProductImageView,
} from '../api/client';
import { uploadWithProgress } from '../api/upload';
import { FormAlert, useErrorMessage } from '../forms';
import { useI18n } from '../i18n';
import { Pending } from '../ops/common';

/** The product's images: uploaded with a progress bar, shown in order (1 = main), moved, described (alt text) and deleted. */
export function ProductImages({ productId, locale }: { productId: string; locale: string }) {
  const { t, number } = useI18n();
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const images = useQuery({ queryKey: ['images', productId], queryFn: async () => (await productImagesControllerListV1({ path: { id: productId } })).data });
  const [progress, setProgress] = useState<number>();
  const [result, setResult] = useState<{ ok?: string; error?: string }>();
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['images', productId] });
  const run = async (action: () => Promise<unknown>, ok: string) => {
    setResult(undefined);
    try {
      await action();
      setResult({ ok });
      await refresh();
      await queryClient.invalidateQueries({ queryKey: ['listing', productId] });
    } catch (e) {
      setResult({ error: errorMessage(e) });
    }
  };
  const upload = async (file: File | undefined) => {
    if (!file) return setResult({ error: t('images.chooseFile') });
    const body = new FormData();
    body.set('file', file);
    setProgress(0);
    await run(() => uploadWithProgress(`/v1/sellers/me/products/${productId}/images`, body, setProgress), t('images.uploaded', { name: file.name }));
    setProgress(undefined);
  };
  const list = images.data ?? [];
  return (
    <section aria-labelledby="images-title" className="card">
      <h2 id="images-title">{t('images.title')}</h2>
      {result?.error ? <FormAlert message={result.error} /> : null}
      {result?.ok ? (
        <p className="success" role="status">
          {result.ok}
        </p>
      ) : null}
      <Pending error={images.error} loading={images.isPending} />
      {images.data && list.length === 0 ? <p>{t('images.none')}</p> : null}
      <ul className="images">
        {list.map((img) => (
          <ImageItem
            key={img.id}
            productId={productId}
            image={img}
            count={list.length}
            locale={locale}
            onMove={(position) => void run(() => productImagesControllerUpdateV1({ path: { id: productId, imageId: img.id }, body: { position } }), t('images.moved', { n: number(position) }))}
            onAlt={(text) =>
              void run(
                () => productImagesControllerUpdateV1({ path: { id: productId, imageId: img.id }, body: { alt: [...img.alt.filter((a) => a.locale !== locale), ...(text.trim() ? [{ locale, text: text.trim() }] : [])] } }),
                t('images.altSaved'),
              )
            }
            onDelete={() => void run(() => productImagesControllerRemoveV1({ path: { id: productId, imageId: img.id } }), t('images.deleted'))}
          />
        ))}
      </ul>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const file = new FormData(e.currentTarget).get('file');
          void upload(file instanceof File && file.size > 0 ? file : undefined);
        }}
        aria-label={t('images.add')}
      >
        <div className="field">
          <label htmlFor="image-file">{t('images.file')}</label>
          <input id="image-file" name="file" type="file" accept="image/jpeg,image/png,image/webp" aria-describedby="image-file-hint" />
          <p className="hint" id="image-file-hint">
            {t('images.fileHint')}
          </p>
        </div>
        {progress !== undefined ? <progress max={1} value={progress} aria-label={t('images.progress')} data-testid="image-progress" /> : null}
        <button type="submit" className="secondary" disabled={progress !== undefined}>
          {t('images.add')}
        </button>
      </form>
    </section>
  );
}

function ImageItem({ productId, image, count, locale, onMove, onAlt, onDelete }: { productId: string; image: ProductImageView; count: number; locale: string; onMove: (p: number) => void; onAlt: (text: string) => void; onDelete: () => void }) {
  const { t, number } = useI18n();
  const [url, setUrl] = useState<string>();
  const current = image.alt.find((a) => a.locale === locale)?.text ?? '';
  const [alt, setAlt] = useState(current);
  useEffect(() => {
    let made: string | undefined;
    // the bytes need the seller's token: fetched, then shown from memory
    productImagesControllerContentV1({ path: { id: productId, imageId: image.id }, parseAs: 'blob' })
      .then(({ data }) => setUrl((made = URL.createObjectURL(data as Blob))))
      .catch(() => undefined);
    return () => (made ? URL.revokeObjectURL(made) : undefined);
  }, [productId, image.id, image.sha256]);
  const label = t('images.number', { n: number(image.position) });
  const altId = `alt-${image.id}`;
  return (
    <li className="card" data-testid={`image-${image.position}`}>
      <h3>{label}</h3>
      {url ? <img src={url} alt={current || label} /> : null}
      <p className="note">
        {image.mediaType} · {t('ops.case.size', { kb: number(Math.ceil(image.size / 1024)) })}
      </p>
      <div className="field">
        <label htmlFor={altId}>{t('images.alt', { locale })}</label>
        <input id={altId} value={alt} maxLength={250} onChange={(e) => setAlt(e.target.value)} />
      </div>
      <div className="row-actions">
        <button type="button" className="secondary" onClick={() => onAlt(alt)}>
          {t('images.saveAlt')}
          <span className="visually-hidden"> ({label})</span>
        </button>
        <button type="button" className="secondary" disabled={image.position <= 1} onClick={() => onMove(image.position - 1)}>
          {t('images.up')}
          <span className="visually-hidden"> ({label})</span>
        </button>
        <button type="button" className="secondary" disabled={image.position >= count} onClick={() => onMove(image.position + 1)}>
          {t('images.down')}
          <span className="visually-hidden"> ({label})</span>
        </button>
        <button type="button" className="secondary" onClick={onDelete}>
          {t('images.delete')}
          <span className="visually-hidden"> ({label})</span>
        </button>
      </div>
    </li>
  );
}
