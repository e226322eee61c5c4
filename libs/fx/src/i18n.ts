import type { ErrorMessages, Translations } from '@app/kernel';
import type { FxErrorCode } from './errors';

type FxMessages = ErrorMessages<FxErrorCode>;

export const FX_MESSAGES: Translations<FxMessages> = {
  en: {
    'error.FX_FILE_FORMAT': 'The file is not a valid {{source}} rates file: {{reason}}',
    'error.FX_FILE_MISSING': 'Attach the rates file in the field named file.',
    'error.FX_FILE_TOO_LARGE': 'The file is too large; the limit is {{limit}} bytes.',
    'error.FX_UPLOAD_REJECTED': 'The upload was refused: send one file in the field named file and the field source.',
    'error.FX_NO_SNAPSHOT': 'No {{source}} exchange rates have been imported yet.',
    'error.FX_RATE_UNAVAILABLE': 'The {{source}} rates of {{rateDate}} have no rate for {{currency}}; choose another source.',
  },
  ru: {
    'error.FX_FILE_FORMAT': 'Файл не является корректным файлом курсов {{source}}: {{reason}}',
    'error.FX_FILE_MISSING': 'Приложите файл курсов в поле file.',
    'error.FX_FILE_TOO_LARGE': 'Файл слишком большой; предел — {{limit}} байт.',
    'error.FX_UPLOAD_REJECTED': 'Загрузка отклонена: отправьте один файл в поле file и поле source.',
    'error.FX_NO_SNAPSHOT': 'Курсы {{source}} ещё не загружены.',
    'error.FX_RATE_UNAVAILABLE': 'В курсах {{source}} на {{rateDate}} нет курса {{currency}}; выберите другой источник.',
  },
  tr: {
    'error.FX_FILE_FORMAT': 'Dosya geçerli bir {{source}} kur dosyası değil: {{reason}}',
    'error.FX_FILE_MISSING': 'Kur dosyasını file adlı alana ekleyin.',
    'error.FX_FILE_TOO_LARGE': 'Dosya çok büyük; sınır {{limit}} bayttır.',
    'error.FX_UPLOAD_REJECTED': 'Yükleme reddedildi: file alanında tek bir dosya ve source alanını gönderin.',
    'error.FX_NO_SNAPSHOT': 'Henüz hiç {{source}} döviz kuru içe aktarılmadı.',
    'error.FX_RATE_UNAVAILABLE': '{{source}} kaynağının {{rateDate}} tarihli kurlarında {{currency}} kuru yok; başka bir kaynak seçin.',
  },
  it: {
    'error.FX_FILE_FORMAT': 'Il file non è un file di cambi {{source}} valido: {{reason}}',
    'error.FX_FILE_MISSING': 'Allega il file dei cambi nel campo file.',
    'error.FX_FILE_TOO_LARGE': 'Il file è troppo grande; il limite è di {{limit}} byte.',
    'error.FX_UPLOAD_REJECTED': 'Caricamento rifiutato: invia un solo file nel campo file e il campo source.',
    'error.FX_NO_SNAPSHOT': 'Non è stato ancora importato alcun cambio {{source}}.',
    'error.FX_RATE_UNAVAILABLE': 'I cambi {{source}} del {{rateDate}} non hanno un cambio per {{currency}}; scegli un’altra fonte.',
  },
  es: {
    'error.FX_FILE_FORMAT': 'El archivo no es un archivo de tipos de cambio {{source}} válido: {{reason}}',
    'error.FX_FILE_MISSING': 'Adjunta el archivo de tipos de cambio en el campo file.',
    'error.FX_FILE_TOO_LARGE': 'El archivo es demasiado grande; el límite es de {{limit}} bytes.',
    'error.FX_UPLOAD_REJECTED': 'Carga rechazada: envía un solo archivo en el campo file y el campo source.',
    'error.FX_NO_SNAPSHOT': 'Aún no se ha importado ningún tipo de cambio de {{source}}.',
    'error.FX_RATE_UNAVAILABLE': 'Los tipos de {{source}} del {{rateDate}} no incluyen {{currency}}; elige otra fuente.',
  },
};
