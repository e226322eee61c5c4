import type { ErrorMessages, Translations } from '@app/kernel';
import type { CatalogErrorCode } from '../errors';
import type { MachineTranslationFailure } from './port';

export type MachineTranslationErrorCode = CatalogErrorCode.MT_NOT_CONFIGURED | CatalogErrorCode.MT_LOCALE_UNSUPPORTED | CatalogErrorCode.MT_PROVIDER_FAILED;

export type MachineTranslationMessages = ErrorMessages<MachineTranslationErrorCode> & { [K in MachineTranslationFailure as `catalog.mt.failure.${K}`]: string };

const en: MachineTranslationMessages = {
  'error.CATALOG_MT_NOT_CONFIGURED': 'Machine translation is not configured on this service; translate the fields yourself.',
  'error.CATALOG_MT_LOCALE_UNSUPPORTED': 'Machine translation is not available for {{locale}}.',
  'error.CATALOG_MT_PROVIDER_FAILED': 'The machine translation service failed ({{reason}}); nothing was changed. Try again later.',
  'catalog.mt.failure.auth': 'it refused our credentials',
  'catalog.mt.failure.quota': 'the translation quota is used up',
  'catalog.mt.failure.rate_limited': 'too many requests',
  'catalog.mt.failure.refused': 'it refused the request',
  'catalog.mt.failure.unavailable': 'it did not answer',
  'catalog.mt.failure.bad_response': 'its answer could not be read',
};

const ru: MachineTranslationMessages = {
  'error.CATALOG_MT_NOT_CONFIGURED': 'Машинный перевод в этом сервисе не настроен; переведите поля самостоятельно.',
  'error.CATALOG_MT_LOCALE_UNSUPPORTED': 'Машинный перевод для {{locale}} недоступен.',
  'error.CATALOG_MT_PROVIDER_FAILED': 'Сервис машинного перевода не сработал ({{reason}}); ничего не изменено. Повторите позже.',
  'catalog.mt.failure.auth': 'он отклонил наши учётные данные',
  'catalog.mt.failure.quota': 'лимит перевода исчерпан',
  'catalog.mt.failure.rate_limited': 'слишком много запросов',
  'catalog.mt.failure.refused': 'он отклонил запрос',
  'catalog.mt.failure.unavailable': 'он не ответил',
  'catalog.mt.failure.bad_response': 'его ответ не удалось прочитать',
};

const tr: MachineTranslationMessages = {
  'error.CATALOG_MT_NOT_CONFIGURED': 'Bu hizmette makine çevirisi yapılandırılmamış; alanları kendiniz çevirin.',
  'error.CATALOG_MT_LOCALE_UNSUPPORTED': '{{locale}} için makine çevirisi kullanılamıyor.',
  'error.CATALOG_MT_PROVIDER_FAILED': 'Makine çevirisi hizmeti başarısız oldu ({{reason}}); hiçbir şey değişmedi. Daha sonra tekrar deneyin.',
  'catalog.mt.failure.auth': 'kimlik bilgilerimizi reddetti',
  'catalog.mt.failure.quota': 'çeviri kotası doldu',
  'catalog.mt.failure.rate_limited': 'çok fazla istek',
  'catalog.mt.failure.refused': 'isteği reddetti',
  'catalog.mt.failure.unavailable': 'yanıt vermedi',
  'catalog.mt.failure.bad_response': 'yanıtı okunamadı',
};

const it: MachineTranslationMessages = {
  'error.CATALOG_MT_NOT_CONFIGURED': 'La traduzione automatica non è configurata su questo servizio; traduci i campi tu stesso.',
  'error.CATALOG_MT_LOCALE_UNSUPPORTED': 'La traduzione automatica non è disponibile per {{locale}}.',
  'error.CATALOG_MT_PROVIDER_FAILED': 'Il servizio di traduzione automatica non ha funzionato ({{reason}}); non è stato modificato nulla. Riprova più tardi.',
  'catalog.mt.failure.auth': 'ha rifiutato le nostre credenziali',
  'catalog.mt.failure.quota': 'la quota di traduzione è esaurita',
  'catalog.mt.failure.rate_limited': 'troppe richieste',
  'catalog.mt.failure.refused': 'ha rifiutato la richiesta',
  'catalog.mt.failure.unavailable': 'non ha risposto',
  'catalog.mt.failure.bad_response': 'la sua risposta non è leggibile',
};

const es: MachineTranslationMessages = {
  'error.CATALOG_MT_NOT_CONFIGURED': 'La traducción automática no está configurada en este servicio; traduce los campos tú mismo.',
  'error.CATALOG_MT_LOCALE_UNSUPPORTED': 'La traducción automática no está disponible para {{locale}}.',
  'error.CATALOG_MT_PROVIDER_FAILED': 'El servicio de traducción automática falló ({{reason}}); no se ha cambiado nada. Inténtalo más tarde.',
  'catalog.mt.failure.auth': 'rechazó nuestras credenciales',
  'catalog.mt.failure.quota': 'se agotó la cuota de traducción',
  'catalog.mt.failure.rate_limited': 'demasiadas solicitudes',
  'catalog.mt.failure.refused': 'rechazó la solicitud',
  'catalog.mt.failure.unavailable': 'no respondió',
  'catalog.mt.failure.bad_response': 'no se pudo leer su respuesta',
};

export const MACHINE_TRANSLATION_MESSAGES: Translations<MachineTranslationMessages> = { en, ru, tr, it, es };
