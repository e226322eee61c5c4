import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Link, useNavigate } from 'react-router';
import { ApiError, countriesControllerListV1, signupControllerSignupV1 } from '../api/client';
import { byField, FormAlert, SelectField, TextField, useErrorMessage, type FieldErrors } from '../forms';
import { useI18n } from '../i18n';

interface SignupForm {
  email: string;
  password: string;
  country: string;
}

export function SignupPage({ onSignedIn }: { onSignedIn: (token: string) => void }) {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const errorMessage = useErrorMessage();
  const countries = useQuery({
    queryKey: ['countries', lang],
    queryFn: async () => (await countriesControllerListV1()).data,
  });
  const { register, handleSubmit, formState } = useForm<SignupForm>({ defaultValues: { country: '' } });
  const [failure, setFailure] = useState<{ message: string; fields: FieldErrors }>();

  const submit = handleSubmit(async (form) => {
    setFailure(undefined);
    try {
      // the account keeps the language the seller signed up in (e-mails, messages without a UI)
      const { data } = await signupControllerSignupV1({ body: { ...form, locale: lang as 'en' } });
      onSignedIn(data.session.accessToken);
      navigate('/home');
    } catch (e) {
      setFailure({ message: errorMessage(e), fields: e instanceof ApiError ? byField(e.details) : {} });
    }
  });

  const options = [
    { value: '', label: t('signup.chooseCountry') },
    ...(countries.data ?? []).filter((c) => c.status === 'enabled').map((c) => ({ value: c.country, label: c.name })),
  ];
  return (
    <section className="narrow">
      <h1 tabIndex={-1}>{t('signup.title')}</h1>
      <p>{t('signup.intro')}</p>
      <form onSubmit={submit} noValidate>
        <FormAlert message={failure?.message} />
        <TextField path="email" label={t('field.email')} type="email" autoComplete="email" required registration={register('email')} error={failure?.fields.email} />
        <TextField
          path="password"
          label={t('field.password')}
          type="password"
          autoComplete="new-password"
          required
          hint={t('signup.passwordHint')}
          registration={register('password')}
          error={failure?.fields.password}
        />
        <SelectField path="country" label={t('field.country')} required options={options} registration={register('country')} error={failure?.fields.country} />
        <button type="submit" disabled={formState.isSubmitting}>
          {t('signup.submit')}
        </button>
      </form>
      <p>
        {t('signup.haveAccount')} <Link to="/login">{t('nav.login')}</Link>
      </p>
    </section>
  );
}
