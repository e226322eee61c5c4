import type { ErrorMessages, Translations, UploadProblem } from '@app/kernel';
import type { CatalogErrorCode } from '../errors';

export type ImageErrorCode =
  | CatalogErrorCode.IMAGE_NOT_FOUND
  | CatalogErrorCode.IMAGE_FILE_MISSING
  | CatalogErrorCode.IMAGE_TOO_LARGE
  | CatalogErrorCode.IMAGE_TYPE_NOT_ALLOWED
  | CatalogErrorCode.IMAGE_LIMIT_REACHED
  | CatalogErrorCode.IMAGE_UPLOAD_REJECTED
  | CatalogErrorCode.IMAGE_INVALID;

/** Problems of an image's alt texts and position (details of CATALOG_IMAGE_INVALID). */
export type ImageProblemCode = 'INVALID_LOCALE' | 'DUPLICATE_LOCALE' | 'BLANK' | 'TOO_LONG' | 'POSITION_OUT_OF_RANGE';

export type ImageMessages = ErrorMessages<ImageErrorCode> &
  { [K in ImageProblemCode as `catalog.image.${K}`]: string } &
  { [K in UploadProblem as `catalog.upload.${K}`]: string };

const en: ImageMessages = {
  'error.CATALOG_IMAGE_NOT_FOUND': 'There is no such image of this product.',
  'error.CATALOG_IMAGE_FILE_MISSING': 'Attach the image in the field "file".',
  'error.CATALOG_IMAGE_TOO_LARGE': 'The image is too large: at most {{limit}} bytes are accepted.',
  'error.CATALOG_IMAGE_TYPE_NOT_ALLOWED': 'Only JPEG, PNG and WebP images are accepted.',
  'error.CATALOG_IMAGE_LIMIT_REACHED': 'A product can have at most {{limit}} images; delete one first.',
  'error.CATALOG_IMAGE_UPLOAD_REJECTED': 'The upload is not valid; see the details.',
  'error.CATALOG_IMAGE_INVALID': 'The image details are not valid; see the details.',
  'catalog.image.INVALID_LOCALE': '{{field}}: {{value}} is not a language tag such as tr, it or en-GB.',
  'catalog.image.DUPLICATE_LOCALE': '{{field}}: {{value}} is given twice.',
  'catalog.image.BLANK': '{{field}} must not be empty.',
  'catalog.image.TOO_LONG': '{{field}} is longer than {{max}} characters.',
  'catalog.image.POSITION_OUT_OF_RANGE': '{{field}} must be from 1 to {{max}}.',
  'catalog.upload.TOO_MANY_FILES': 'Send one image per request.',
  'catalog.upload.UNEXPECTED_FILE': 'The file field {{field}} is not expected; send the image as "file".',
  'catalog.upload.TOO_MANY_FIELDS': 'The upload takes only the field "file".',
  'catalog.upload.FIELD_TOO_LONG': 'The field {{field}} is too long.',
  'catalog.upload.MALFORMED': 'The multipart body is malformed.',
};

const ru: ImageMessages = {
  'error.CATALOG_IMAGE_NOT_FOUND': 'У этого товара нет такого изображения.',
  'error.CATALOG_IMAGE_FILE_MISSING': 'Приложите изображение в поле «file».',
  'error.CATALOG_IMAGE_TOO_LARGE': 'Изображение слишком большое: допускается не более {{limit}} байт.',
  'error.CATALOG_IMAGE_TYPE_NOT_ALLOWED': 'Принимаются только изображения JPEG, PNG и WebP.',
  'error.CATALOG_IMAGE_LIMIT_REACHED': 'У товара может быть не более {{limit}} изображений; сначала удалите одно.',
  'error.CATALOG_IMAGE_UPLOAD_REJECTED': 'Загрузка некорректна; см. подробности.',
  'error.CATALOG_IMAGE_INVALID': 'Данные изображения некорректны; см. подробности.',
  'catalog.image.INVALID_LOCALE': '{{field}}: {{value}} — не языковой тег вида tr, it или en-GB.',
  'catalog.image.DUPLICATE_LOCALE': '{{field}}: {{value}} указан дважды.',
  'catalog.image.BLANK': '{{field}} не может быть пустым.',
  'catalog.image.TOO_LONG': '{{field}} длиннее {{max}} символов.',
  'catalog.image.POSITION_OUT_OF_RANGE': '{{field}} должно быть от 1 до {{max}}.',
  'catalog.upload.TOO_MANY_FILES': 'Отправляйте одно изображение за запрос.',
  'catalog.upload.UNEXPECTED_FILE': 'Поле файла {{field}} не ожидается; отправьте изображение в поле «file».',
  'catalog.upload.TOO_MANY_FIELDS': 'Загрузка принимает только поле «file».',
  'catalog.upload.FIELD_TOO_LONG': 'Поле {{field}} слишком длинное.',
  'catalog.upload.MALFORMED': 'Тело multipart-запроса повреждено.',
};

const tr: ImageMessages = {
  'error.CATALOG_IMAGE_NOT_FOUND': 'Bu ürünün böyle bir görseli yok.',
  'error.CATALOG_IMAGE_FILE_MISSING': 'Görseli "file" alanında ekleyin.',
  'error.CATALOG_IMAGE_TOO_LARGE': 'Görsel çok büyük: en fazla {{limit}} bayt kabul edilir.',
  'error.CATALOG_IMAGE_TYPE_NOT_ALLOWED': 'Yalnızca JPEG, PNG ve WebP görseller kabul edilir.',
  'error.CATALOG_IMAGE_LIMIT_REACHED': 'Bir ürünün en fazla {{limit}} görseli olabilir; önce birini silin.',
  'error.CATALOG_IMAGE_UPLOAD_REJECTED': 'Yükleme geçerli değil; ayrıntılara bakın.',
  'error.CATALOG_IMAGE_INVALID': 'Görsel bilgileri geçerli değil; ayrıntılara bakın.',
  'catalog.image.INVALID_LOCALE': '{{field}}: {{value}}, tr, it veya en-GB gibi bir dil etiketi değil.',
  'catalog.image.DUPLICATE_LOCALE': '{{field}}: {{value}} iki kez verilmiş.',
  'catalog.image.BLANK': '{{field}} boş olamaz.',
  'catalog.image.TOO_LONG': '{{field}} {{max}} karakterden uzun.',
  'catalog.image.POSITION_OUT_OF_RANGE': '{{field}} 1 ile {{max}} arasında olmalıdır.',
  'catalog.upload.TOO_MANY_FILES': 'Her istekte bir görsel gönderin.',
  'catalog.upload.UNEXPECTED_FILE': '{{field}} dosya alanı beklenmiyor; görseli "file" alanında gönderin.',
  'catalog.upload.TOO_MANY_FIELDS': 'Yükleme yalnızca "file" alanını kabul eder.',
  'catalog.upload.FIELD_TOO_LONG': '{{field}} alanı çok uzun.',
  'catalog.upload.MALFORMED': 'Multipart gövdesi bozuk.',
};

const it: ImageMessages = {
  'error.CATALOG_IMAGE_NOT_FOUND': 'Questo prodotto non ha un’immagine del genere.',
  'error.CATALOG_IMAGE_FILE_MISSING': 'Allega l’immagine nel campo "file".',
  'error.CATALOG_IMAGE_TOO_LARGE': 'L’immagine è troppo grande: sono accettati al massimo {{limit}} byte.',
  'error.CATALOG_IMAGE_TYPE_NOT_ALLOWED': 'Sono accettate solo immagini JPEG, PNG e WebP.',
  'error.CATALOG_IMAGE_LIMIT_REACHED': 'Un prodotto può avere al massimo {{limit}} immagini; eliminane prima una.',
  'error.CATALOG_IMAGE_UPLOAD_REJECTED': 'Il caricamento non è valido; vedi i dettagli.',
  'error.CATALOG_IMAGE_INVALID': 'I dati dell’immagine non sono validi; vedi i dettagli.',
  'catalog.image.INVALID_LOCALE': '{{field}}: {{value}} non è un tag di lingua come tr, it o en-GB.',
  'catalog.image.DUPLICATE_LOCALE': '{{field}}: {{value}} è indicato due volte.',
  'catalog.image.BLANK': '{{field}} non può essere vuoto.',
  'catalog.image.TOO_LONG': '{{field}} supera i {{max}} caratteri.',
  'catalog.image.POSITION_OUT_OF_RANGE': '{{field}} deve essere tra 1 e {{max}}.',
  'catalog.upload.TOO_MANY_FILES': 'Invia un’immagine per richiesta.',
  'catalog.upload.UNEXPECTED_FILE': 'Il campo file {{field}} non è previsto; invia l’immagine come "file".',
  'catalog.upload.TOO_MANY_FIELDS': 'Il caricamento accetta solo il campo "file".',
  'catalog.upload.FIELD_TOO_LONG': 'Il campo {{field}} è troppo lungo.',
  'catalog.upload.MALFORMED': 'Il corpo multipart non è valido.',
};

const es: ImageMessages = {
  'error.CATALOG_IMAGE_NOT_FOUND': 'Este producto no tiene esa imagen.',
  'error.CATALOG_IMAGE_FILE_MISSING': 'Adjunta la imagen en el campo "file".',
  'error.CATALOG_IMAGE_TOO_LARGE': 'La imagen es demasiado grande: se aceptan como máximo {{limit}} bytes.',
  'error.CATALOG_IMAGE_TYPE_NOT_ALLOWED': 'Solo se aceptan imágenes JPEG, PNG y WebP.',
  'error.CATALOG_IMAGE_LIMIT_REACHED': 'Un producto puede tener como máximo {{limit}} imágenes; elimina una primero.',
  'error.CATALOG_IMAGE_UPLOAD_REJECTED': 'La subida no es válida; consulta los detalles.',
  'error.CATALOG_IMAGE_INVALID': 'Los datos de la imagen no son válidos; consulta los detalles.',
  'catalog.image.INVALID_LOCALE': '{{field}}: {{value}} no es una etiqueta de idioma como tr, it o en-GB.',
  'catalog.image.DUPLICATE_LOCALE': '{{field}}: {{value}} aparece dos veces.',
  'catalog.image.BLANK': '{{field}} no puede estar vacío.',
  'catalog.image.TOO_LONG': '{{field}} supera los {{max}} caracteres.',
  'catalog.image.POSITION_OUT_OF_RANGE': '{{field}} debe estar entre 1 y {{max}}.',
  'catalog.upload.TOO_MANY_FILES': 'Envía una imagen por solicitud.',
  'catalog.upload.UNEXPECTED_FILE': 'El campo de archivo {{field}} no se espera; envía la imagen como "file".',
  'catalog.upload.TOO_MANY_FIELDS': 'La subida solo admite el campo "file".',
  'catalog.upload.FIELD_TOO_LONG': 'El campo {{field}} es demasiado largo.',
  'catalog.upload.MALFORMED': 'El cuerpo multipart está mal formado.',
};

export const IMAGE_MESSAGES: Translations<ImageMessages> = { en, ru, tr, it, es };
