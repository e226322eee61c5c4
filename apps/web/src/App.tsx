import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { Link, Navigate, NavLink, Route, Routes, useLocation, useNavigate } from 'react-router';
import { authControllerLogoutV1, session } from './api/client';
import { LANGUAGES, useI18n } from './i18n';
import { BusinessPage } from './pages/BusinessPage';
import { HomePage } from './pages/HomePage';
import { KycPage } from './pages/KycPage';
import { LoginPage } from './pages/LoginPage';
import { SignupPage } from './pages/SignupPage';

/** Signed-in state, kept in sync with the API client's token. */
function useSignedIn(): [boolean, (token: string | null) => void] {
  const [signedIn, setSignedIn] = useState(() => session.token !== null);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  useEffect(() => {
    session.onSignedOut(() => {
      setSignedIn(false);
      queryClient.clear();
      navigate('/login');
    });
  }, [navigate, queryClient]);
  return [
    signedIn,
    (token) => {
      session.set(token);
      queryClient.clear();
      setSignedIn(token !== null);
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

function Layout({ signedIn, onLogout, children }: { signedIn: boolean; onLogout: () => void; children: ReactNode }) {
  const { t } = useI18n();
  const location = useLocation();
  useEffect(() => {
    // a new page: move focus to its heading for keyboard and screen-reader users
    document.querySelector<HTMLElement>('main h1')?.focus();
  }, [location.pathname]);
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
          {signedIn ? (
            <>
              <NavLink to="/home">{t('nav.home')}</NavLink>
              <NavLink to="/business">{t('nav.business')}</NavLink>
              <NavLink to="/kyc">{t('nav.kyc')}</NavLink>
              <button type="button" className="link" onClick={onLogout}>
                {t('nav.logout')}
              </button>
            </>
          ) : (
            <>
              <NavLink to="/login">{t('nav.login')}</NavLink>
              <NavLink to="/signup">{t('nav.signup')}</NavLink>
            </>
          )}
        </nav>
        <LanguageSwitch />
      </header>
      <main id="main">{children}</main>
    </>
  );
}

export function App() {
  const [signedIn, setToken] = useSignedIn();
  const navigate = useNavigate();
  const logout = async () => {
    await authControllerLogoutV1().catch(() => undefined);
    setToken(null);
    navigate('/login');
  };
  const signedInOnly = (page: ReactNode) => (signedIn ? page : <Navigate to="/login" replace />);
  const signedOutOnly = (page: ReactNode) => (signedIn ? <Navigate to="/home" replace /> : page);
  return (
    <Layout signedIn={signedIn} onLogout={() => void logout()}>
      <Routes>
        <Route path="/" element={<Navigate to={signedIn ? '/home' : '/login'} replace />} />
        <Route path="/login" element={signedOutOnly(<LoginPage onSignedIn={setToken} />)} />
        <Route path="/signup" element={signedOutOnly(<SignupPage onSignedIn={setToken} />)} />
        <Route path="/home" element={signedInOnly(<HomePage />)} />
        <Route path="/business" element={signedInOnly(<BusinessPage />)} />
        <Route path="/kyc" element={signedInOnly(<KycPage />)} />
        {/* hosted payout onboarding returns here (SELLER_APP_URL/payouts/return | refresh): the overview re-reads the status */}
        <Route path="/payouts/return" element={signedInOnly(<Navigate to="/home" replace />)} />
        <Route path="/payouts/refresh" element={signedInOnly(<Navigate to="/home" replace />)} />
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
