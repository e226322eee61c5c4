import { Navigate, Route, Routes } from 'react-router';
import { AuditPage } from './AuditPage';
import { BankAccountsPage } from './BankAccountsPage';
import { CasePage } from './CasePage';
import { CountriesPage } from './CountriesPage';
import { FxPage } from './FxPage';
import { MarketEditorPage } from './MarketEditorPage';
import { MarketsPage } from './MarketsPage';
import { PackEditorPage } from './PackEditorPage';
import { QueuePage } from './QueuePage';
import { WebhooksPage } from './WebhooksPage';

/**
 * The ops console (lazy-loaded: its own chunk). Reviewers read and decide; admins also configure
 * (country packs, replays). The API enforces the roles; the console only hides what would be refused.
 */
export default function OpsConsole({ admin }: { admin: boolean }) {
  return (
    <Routes>
      <Route index element={<QueuePage />} />
      <Route path="kyc/:id" element={<CasePage />} />
      <Route path="bank-accounts" element={<BankAccountsPage />} />
      <Route path="webhooks" element={<WebhooksPage admin={admin} />} />
      <Route path="audit" element={<AuditPage />} />
      <Route path="countries" element={<CountriesPage admin={admin} />} />
      <Route path="countries/:cc/edit" element={admin ? <PackEditorPage /> : <Navigate to="/ops/countries" replace />} />
      <Route path="markets" element={<MarketsPage admin={admin} />} />
      <Route path="markets/:code/edit" element={admin ? <MarketEditorPage /> : <Navigate to="/ops/markets" replace />} />
      <Route path="fx" element={<FxPage admin={admin} />} />
      <Route path="*" element={<Navigate to="/ops" replace />} />
    </Routes>
  );
}
