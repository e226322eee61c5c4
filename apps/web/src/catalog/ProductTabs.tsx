import { NavLink } from 'react-router';
import { useI18n } from '../i18n';

/** The parts of one product: its data, its translations, its markets. */
export function ProductTabs({ id }: { id: string }) {
  const { t } = useI18n();
  return (
    <nav className="tabs" aria-label={t('catalog.productParts')}>
      <NavLink to={`/products/${id}`} end>
        {t('catalog.tab.product')}
      </NavLink>
      <NavLink to={`/products/${id}/translations`}>{t('catalog.tab.translations')}</NavLink>
      <NavLink to={`/products/${id}/markets`}>{t('catalog.tab.markets')}</NavLink>
    </nav>
  );
}
