import { Navigate, Route, Routes } from 'react-router';
import { ImportPage } from './ImportPage';
import { ListingPage } from './ListingPage';
import { ProductEditorPage } from './ProductEditorPage';
import { ProductsPage } from './ProductsPage';
import { TranslationsPage } from './TranslationsPage';

/** The seller's catalog (lazy-loaded: its own chunk): products, their translations, and each market's listing. */
export default function CatalogPages() {
  return (
    <Routes>
      <Route index element={<ProductsPage />} />
      <Route path="new" element={<ProductEditorPage />} />
      <Route path="import" element={<ImportPage />} />
      <Route path=":id" element={<ProductEditorPage />} />
      <Route path=":id/translations" element={<TranslationsPage />} />
      <Route path=":id/markets" element={<ListingPage />} />
      <Route path="*" element={<Navigate to="/products" replace />} />
    </Routes>
  );
}
