import { registerFieldLabels } from '@app/kernel';

/** How the payout fields are named in messages. */
registerFieldLabels({
  holderName: { en: 'Account holder', ru: 'Владелец счёта', tr: 'Hesap sahibi', it: 'Intestatario del conto', es: 'Titular de la cuenta' },
  iban: { en: 'IBAN', ru: 'IBAN', tr: 'IBAN', it: 'IBAN', es: 'IBAN' },
  bik: { en: 'Bank code (BIK)', ru: 'БИК банка', tr: 'Banka kodu (BIK)', it: 'Codice della banca (BIK)', es: 'Código del banco (BIK)' },
  account: { en: 'Account number', ru: 'Номер расчётного счёта', tr: 'Hesap numarası', it: 'Numero di conto', es: 'Número de cuenta' },
  currency: { en: 'Currency', ru: 'Валюта', tr: 'Para birimi', it: 'Valuta', es: 'Moneda' },
});
