import type { ErrorMessages, Translations } from '@app/kernel';
import type { SellerErrorCode } from './errors';

export const SELLERS_MESSAGES: Translations<ErrorMessages<SellerErrorCode>> = {
  en: { 'error.SELLER_BUSINESS_PROFILE_NOT_FOUND': 'Business details have not been submitted yet.', 'error.SELLER_NOT_FOUND': 'Seller not found.' },
  ru: { 'error.SELLER_BUSINESS_PROFILE_NOT_FOUND': 'Данные о компании ещё не отправлены.', 'error.SELLER_NOT_FOUND': 'Продавец не найден.' },
  tr: { 'error.SELLER_BUSINESS_PROFILE_NOT_FOUND': 'İşletme bilgileri henüz gönderilmedi.', 'error.SELLER_NOT_FOUND': 'Satıcı bulunamadı.' },
  it: { 'error.SELLER_BUSINESS_PROFILE_NOT_FOUND': 'I dati dell\'impresa non sono ancora stati inviati.', 'error.SELLER_NOT_FOUND': 'Venditore non trovato.' },
  es: { 'error.SELLER_BUSINESS_PROFILE_NOT_FOUND': 'Todavía no se han enviado los datos de la empresa.', 'error.SELLER_NOT_FOUND': 'Vendedor no encontrado.' },
};
