import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Link, useNavigate } from 'react-router';
import { ApiError, authControllerLoginV1, session, type Role } from '../api/client';
import { byField, FormAlert, TextField, useErrorMessage, type FieldErrors } from '../forms';
import { useI18n } from '../i18n';
import { detectRole, isOps } from '../role';

interface LoginForm {
  email: string;
  password: string;
}

export function LoginPage({ onSignedIn }: { onSignedIn: (token: string, role: Role) => void }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const errorMessage = useErrorMessage();
  const { register, handleSubmit, formState } = useForm<LoginForm>();
  const [failure, setFailure] = useState<{ message: string; fields: FieldErrors }>();

  const submit = handleSubmit(async (body) => {
    setFailure(undefined);
    try {
      const { data } = await authControllerLoginV1({ body });
      // the role decides the menus and where to land; asked with the new token
      session.set(data.accessToken);
      const role = await detectRole();
      onSignedIn(data.accessToken, role);
      navigate(isOps(role) ? '/ops' : '/home');
    } catch (e) {
      session.set(null);
      setFailure({ message: errorMessage(e), fields: e instanceof ApiError ? byField(e.details) : {} });
    }
  });

  return (
    <section className="narrow">
      <h1 tabIndex={-1}>{t('login.title')}</h1>
      <form onSubmit={submit} noValidate>
        <FormAlert message={failure?.message} />
        <TextField path="email" label={t('field.email')} type="email" autoComplete="email" required registration={register('email')} error={failure?.fields.email} />
        <TextField path="password" label={t('field.password')} type="password" autoComplete="current-password" required registration={register('password')} error={failure?.fields.password} />
        <button type="submit" disabled={formState.isSubmitting}>
          {t('login.submit')}
        </button>
      </form>
      <p>
        {t('login.noAccount')} <Link to="/signup">{t('nav.signup')}</Link>
      </p>
    </section>
  );
}
