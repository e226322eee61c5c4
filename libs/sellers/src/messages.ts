import type { ErrorMessages, Translations } from '@app/kernel';
import type { SellerErrorCode } from './errors';

export const SELLERS_MESSAGES: Translations<ErrorMessages<SellerErrorCode>> = {
  en: { 'error.SELLER.NOT_FOUND': 'Seller not found.' },
  ru: { 'error.SELLER.NOT_FOUND': 'Продавец не найден.' },
  tr: { 'error.SELLER.NOT_FOUND': 'Satıcı bulunamadı.' },
  it: { 'error.SELLER.NOT_FOUND': 'Venditore non trovato.' },
  es: { 'error.SELLER.NOT_FOUND': 'Vendedor no encontrado.' },
};
