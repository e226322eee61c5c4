import type { ErrorMessages, Translations } from '@app/kernel';
import type { AuthErrorCode } from '../errors';

type AccountsMessages = ErrorMessages<AuthErrorCode>;

const en: AccountsMessages = {
  'error.AUTH_EMAIL_TAKEN': 'An account with this email already exists. Sign in instead.',
  'error.AUTH_INVALID_CREDENTIALS': 'The email or password is incorrect.',
  'error.AUTH_TOO_MANY_ATTEMPTS': 'Too many failed sign-in attempts. Try again in {{retryAfter}} seconds.',
  'error.AUTH_ACCOUNT_DISABLED': 'This account has been disabled. Contact support.',
  'error.AUTH_WEAK_PASSWORD': 'Choose a stronger password: {{reason}}',
  'error.AUTH_TOKEN_INVALID': 'Your session has expired or was revoked. Sign in again.',
  'error.AUTH_ACCOUNT_NOT_FOUND': 'There is no such account.',
};

const ru: AccountsMessages = {
  'error.AUTH_EMAIL_TAKEN': 'Аккаунт с этим адресом электронной почты уже существует. Войдите в него.',
  'error.AUTH_INVALID_CREDENTIALS': 'Неверный адрес электронной почты или пароль.',
  'error.AUTH_TOO_MANY_ATTEMPTS': 'Слишком много неудачных попыток входа. Повторите через {{retryAfter}} с.',
  'error.AUTH_ACCOUNT_DISABLED': 'Этот аккаунт отключён. Обратитесь в поддержку.',
  'error.AUTH_WEAK_PASSWORD': 'Выберите более надёжный пароль: {{reason}}',
  'error.AUTH_TOKEN_INVALID': 'Сеанс истёк или был отозван. Войдите снова.',
  'error.AUTH_ACCOUNT_NOT_FOUND': 'Такого аккаунта нет.',
};

const tr: AccountsMessages = {
  'error.AUTH_EMAIL_TAKEN': 'Bu e-posta adresiyle bir hesap zaten var. Bunun yerine giriş yapın.',
  'error.AUTH_INVALID_CREDENTIALS': 'E-posta adresi veya parola hatalı.',
  'error.AUTH_TOO_MANY_ATTEMPTS': 'Çok fazla başarısız giriş denemesi. {{retryAfter}} saniye sonra tekrar deneyin.',
  'error.AUTH_ACCOUNT_DISABLED': 'Bu hesap devre dışı bırakıldı. Destekle iletişime geçin.',
  'error.AUTH_WEAK_PASSWORD': 'Daha güçlü bir parola seçin: {{reason}}',
  'error.AUTH_TOKEN_INVALID': 'Oturumunuzun süresi doldu veya oturum iptal edildi. Yeniden giriş yapın.',
  'error.AUTH_ACCOUNT_NOT_FOUND': 'Böyle bir hesap yok.',
};

const it: AccountsMessages = {
  'error.AUTH_EMAIL_TAKEN': 'Esiste già un account con questo indirizzo email. Accedi.',
  'error.AUTH_INVALID_CREDENTIALS': 'L\'indirizzo email o la password non sono corretti.',
  'error.AUTH_TOO_MANY_ATTEMPTS': 'Troppi tentativi di accesso non riusciti. Riprova tra {{retryAfter}} secondi.',
  'error.AUTH_ACCOUNT_DISABLED': 'Questo account è stato disattivato. Contatta l\'assistenza.',
  'error.AUTH_WEAK_PASSWORD': 'Scegli una password più sicura: {{reason}}',
  'error.AUTH_TOKEN_INVALID': 'La sessione è scaduta o è stata revocata. Accedi di nuovo.',
  'error.AUTH_ACCOUNT_NOT_FOUND': 'Questo account non esiste.',
};

const es: AccountsMessages = {
  'error.AUTH_EMAIL_TAKEN': 'Ya existe una cuenta con este correo electrónico. Inicia sesión.',
  'error.AUTH_INVALID_CREDENTIALS': 'El correo electrónico o la contraseña son incorrectos.',
  'error.AUTH_TOO_MANY_ATTEMPTS': 'Demasiados intentos fallidos de inicio de sesión. Vuelve a intentarlo dentro de {{retryAfter}} segundos.',
  'error.AUTH_ACCOUNT_DISABLED': 'Esta cuenta ha sido desactivada. Contacta con soporte.',
  'error.AUTH_WEAK_PASSWORD': 'Elige una contraseña más segura: {{reason}}',
  'error.AUTH_TOKEN_INVALID': 'Tu sesión ha caducado o ha sido revocada. Vuelve a iniciar sesión.',
  'error.AUTH_ACCOUNT_NOT_FOUND': 'No existe esa cuenta.',
};

/** Password-policy reasons, interpolated into AUTH_WEAK_PASSWORD. */
const reasons = {
  en: { 'auth.password.contains-email': 'it must not contain your email address.', 'auth.password.too-uniform': 'it must not be one character repeated.' },
  ru: { 'auth.password.contains-email': 'он не должен содержать адрес электронной почты.', 'auth.password.too-uniform': 'он не должен состоять из одного повторяющегося символа.' },
  tr: { 'auth.password.contains-email': 'e-posta adresinizi içermemelidir.', 'auth.password.too-uniform': 'tek bir karakterin tekrarından oluşmamalıdır.' },
  it: { 'auth.password.contains-email': 'non deve contenere il tuo indirizzo email.', 'auth.password.too-uniform': 'non deve essere un solo carattere ripetuto.' },
  es: { 'auth.password.contains-email': 'no debe contener tu correo electrónico.', 'auth.password.too-uniform': 'no debe ser un solo carácter repetido.' },
} satisfies Translations<{ 'auth.password.contains-email': string; 'auth.password.too-uniform': string }>;

export const ACCOUNTS_MESSAGES: Translations<Record<string, string>> = {
  en: { ...en, ...reasons.en },
  ru: { ...ru, ...reasons.ru },
  tr: { ...tr, ...reasons.tr },
  it: { ...it, ...reasons.it },
  es: { ...es, ...reasons.es },
};
