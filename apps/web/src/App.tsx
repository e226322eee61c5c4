import { useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useState, type ReactNode } from 'react';
import { Link, Navigate, NavLink, Route, Routes, useLocation, useNavigate } from 'react-router';
import { authControllerLogoutV1, session, type Role } from './api/client';
import { LANGUAGES, useI18n } from './i18n';
import { BusinessPage } from './pages/BusinessPage';
import { HomePage } from './pages/HomePage';
import { KycPage } from './pages/KycPage';
import { LoginPage } from './pages/LoginPage';
import { PayoutsPage, PayoutsRefresh } from './pages/PayoutsPage';
import { SignupPage } from './pages/SignupPage';
import { detectRole, isOps } from './role';

/** The ops console is its own chunk: sellers never download it. */
const OpsConsole = lazy(() => import('./ops/OpsConsole'));
/** So is the catalog: a seller finishing KYC does not download it first. */
const CatalogPages = lazy(() => import('./catalog/CatalogPages'));

interface Signed {
  signedIn: boolean;
  role: Role | null;
}

/** Signed-in state and role, kept in sync with the API client's token. */
function useSignedIn(): [Signed, (token: string | null, role?: Role | null) => void] {
  const [state, setState] = useState<Signed>(() => ({ signedIn: session.token !== null, role: session.role }));
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  useEffect(() => {
    session.onSignedOut(() => {
      setState({ signedIn: false, role: null });
      queryClient.clear();
      navigate('/login');
    });
  }, [navigate, queryClient]);
  // a session from before roles were remembered: ask the API once
  useEffect(() => {
    if (!state.signedIn || state.role) return;
    detectRole()
      .then((role) => {
        session.set(session.token, role);
        setState({ signedIn: true, role });
      })
      .catch(() => undefined);
  }, [state]);
  return [
    state,
    (token, role = null) => {
      session.set(token, role);
      queryClient.clear();
      setState({ signedIn: token !== null, role: token ? role : null });
    },
  ];
}

function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
  const queryClient = useQueryClient();
  return (
    <label className="language">
      <span>{t('language.label')}</span>
      <select
        value={lang}
        onChange={(e) => {
          setLang(e.target.value);
          // the API's texts (labels, statuses, messages) are in the language asked for
          void queryClient.invalidateQueries();
        }}
      >
        {LANGUAGES.map((l) => (
          <option key={l} value={l} lang={l}>
            {new Intl.DisplayNames([l], { type: 'language' }).of(l)}
          </option>
        ))}
      </select>
    </label>
  );
}

function Layout({ signed, onLogout, children }: { signed: Signed; onLogout: () => void; children: ReactNode }) {
  const { t } = useI18n();
  const location = useLocation();
  useEffect(() => {
    // a new page: move focus to its heading for keyboard and screen-reader users
    document.querySelector<HTMLElement>('main h1')?.focus();
  }, [location.pathname]);
  const ops = isOps(signed.role);
  return (
    <>
      <a className="skip" href="#main">
        {t('nav.skip')}
      </a>
      <header className="top">
        <Link to="/" className="brand">
          {t('app.name')}
        </Link>
        <nav aria-label={t('nav.label')}>
          {signed.signedIn && ops ? (
            <>
              <NavLink to="/ops" end>
                {t('nav.opsQueue')}
              </NavLink>
              <NavLink to="/ops/bank-accounts">{t('nav.opsBank')}</NavLink>
              <NavLink to="/ops/webhooks">{t('nav.opsWebhooks')}</NavLink>
              <NavLink to="/ops/audit">{t('nav.opsAudit')}</NavLink>
              <NavLink to="/ops/countries">{t('nav.opsCountries')}</NavLink>
              <NavLink to="/ops/markets">{t('nav.opsMarkets')}</NavLink>
              <NavLink to="/ops/fx">{t('nav.opsFx')}</NavLink>
            </>
          ) : null}
          {signed.signedIn && !ops ? (
            <>
              <NavLink to="/home">{t('nav.home')}</NavLink>
              <NavLink to="/business">{t('nav.business')}</NavLink>
              <NavLink to="/kyc">{t('nav.kyc')}</NavLink>
              <NavLink to="/payouts">{t('nav.payouts')}</NavLink>
              <NavLink to="/products">{t('nav.products')}</NavLink>
            </>
          ) : null}
          {signed.signedIn ? (
            <button type="button" className="link" onClick={onLogout}>
              {t('nav.logout')}
            </button>
          ) : (
            <>
              <NavLink to="/login">{t('nav.login')}</NavLink>
              <NavLink to="/signup">{t('nav.signup')}</NavLink>
            </>
          )}
        </nav>
        <LanguageSwitch />
      </header>
      <main id="main" className={location.pathname.startsWith('/ops') ? 'wide' : undefined}>
        {children}
      </main>
    </>
  );
}

export function App() {
  const { t } = useI18n();
  const [signed, setToken] = useSignedIn();
  const navigate = useNavigate();
  const logout = async () => {
    await authControllerLogoutV1().catch(() => undefined);
    setToken(null);
    navigate('/login');
  };
  const ops = isOps(signed.role);
  const start = !signed.signedIn ? '/login' : ops ? '/ops' : '/home';
  const sellerOnly = (page: ReactNode) => (!signed.signedIn ? <Navigate to="/login" replace /> : ops ? <Navigate to="/ops" replace /> : page);
  const signedOutOnly = (page: ReactNode) => (signed.signedIn ? <Navigate to={start} replace /> : page);
  const opsOnly = (page: ReactNode) => (!signed.signedIn ? <Navigate to="/login" replace /> : !signed.role ? <p role="status">{t('common.loading')}</p> : ops ? page : <Navigate to="/home" replace />);
  return (
    <Layout signed={signed} onLogout={() => void logout()}>
      <Routes>
        <Route path="/" element={<Navigate to={start} replace />} />
        <Route path="/login" element={signedOutOnly(<LoginPage onSignedIn={setToken} />)} />
        <Route path="/signup" element={signedOutOnly(<SignupPage onSignedIn={(token) => setToken(token, 'seller')} />)} />
        <Route path="/home" element={sellerOnly(<HomePage />)} />
        <Route path="/business" element={sellerOnly(<BusinessPage />)} />
        <Route path="/kyc" element={sellerOnly(<KycPage />)} />
        <Route path="/payouts" element={sellerOnly(<PayoutsPage />)} />
        <Route path="/payouts/return" element={sellerOnly(<PayoutsPage returned />)} />
        <Route path="/payouts/refresh" element={sellerOnly(<PayoutsRefresh />)} />
        <Route
          path="/products/*"
          element={sellerOnly(
            <Suspense fallback={<p role="status">{t('common.loading')}</p>}>
              <CatalogPages />
            </Suspense>,
          )}
        />
        <Route
          path="/ops/*"
          element={opsOnly(
            <Suspense fallback={<p role="status">{t('common.loading')}</p>}>
              <OpsConsole admin={signed.role === 'ops_admin'} />
            </Suspense>,
          )}
        />
        <Route path="*" element={<NotFound />} />
      </Routes>
    </Layout>
  );
}

function NotFound() {
  const { t } = useI18n();
  return (
    <section>
      <h1 tabIndex={-1}>{t('notFound.title')}</h1>
      <p>
        <Link to="/">{t('notFound.back')}</Link>
      </p>
    </section>
  );
}
