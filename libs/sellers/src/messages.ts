import type { ErrorMessages, Translations } from '@app/kernel';
import type { SellerErrorCode } from './errors';

export const SELLERS_MESSAGES: Translations<ErrorMessages<SellerErrorCode>> = {
  en: { 'error.SELLER.BUSINESS_PROFILE_NOT_FOUND': 'Business details have not been submitted yet.', 'error.SELLER.NOT_FOUND': 'Seller not found.' },
  ru: { 'error.SELLER.BUSINESS_PROFILE_NOT_FOUND': 'Данные о компании ещё не отправлены.', 'error.SELLER.NOT_FOUND': 'Продавец не найден.' },
  tr: { 'error.SELLER.BUSINESS_PROFILE_NOT_FOUND': 'İşletme bilgileri henüz gönderilmedi.', 'error.SELLER.NOT_FOUND': 'Satıcı bulunamadı.' },
  it: { 'error.SELLER.BUSINESS_PROFILE_NOT_FOUND': 'I dati dell\'impresa non sono ancora stati inviati.', 'error.SELLER.NOT_FOUND': 'Venditore non trovato.' },
  es: { 'error.SELLER.BUSINESS_PROFILE_NOT_FOUND': 'Todavía no se han enviado los datos de la empresa.', 'error.SELLER.NOT_FOUND': 'Vendedor no encontrado.' },
};
