import type { ErrorMessages, Translations } from '@app/kernel';
import type { CatalogErrorCode } from '../errors';
import type { HeaderProblemCode } from './columns';

export type ImportErrorCode =
  | CatalogErrorCode.IMPORT_NOT_FOUND
  | CatalogErrorCode.IMPORT_FILE_MISSING
  | CatalogErrorCode.IMPORT_FILE_TOO_LARGE
  | CatalogErrorCode.IMPORT_NOT_CSV
  | CatalogErrorCode.IMPORT_HEADER_INVALID
  | CatalogErrorCode.IMPORT_UPLOAD_REJECTED;

/** Row problems the import adds to the API's own checks (those keep their `catalog.check.*` / `validation.*` keys). */
export type ImportRowProblemCode =
  | 'PRODUCT_FIELD_CONFLICT' | 'HS_NATIONAL_FORMAT' | 'INVALID_NUMBER' | 'BRAND_NOT_DECLARED' | 'DUPLICATE_SKU_IN_FILE' | 'SKU_OTHER_PRODUCT'
  | 'PRODUCT_KEY_NOT_CONSECUTIVE' | 'PRODUCT_ROW_FAILED' | 'COLUMN_COUNT' | 'CURRENCY_CHANGE_PARTIAL' | 'INVALID_CHARACTERS';
export type ImportFailureCode = 'CSV_MALFORMED' | 'INTERNAL';

export type ImportMessages = ErrorMessages<ImportErrorCode> &
  { [K in HeaderProblemCode as `catalog.import.header.${K}`]: string } &
  { [K in ImportRowProblemCode as `catalog.import.row.${K}`]: string } &
  { [K in ImportFailureCode as `catalog.import.failure.${K}`]: string };

const en: ImportMessages = {
  'error.CATALOG_IMPORT_NOT_FOUND': 'There is no such import.',
  'error.CATALOG_IMPORT_FILE_MISSING': 'Attach the CSV file as the form field "file".',
  'error.CATALOG_IMPORT_FILE_TOO_LARGE': 'The file is larger than {{limit}} bytes; split it into smaller files.',
  'error.CATALOG_IMPORT_NOT_CSV': 'This file is not a CSV text file. Save the sheet as "CSV" and upload that file.',
  'error.CATALOG_IMPORT_HEADER_INVALID': 'The first row of the file must name the columns; see the details.',
  'error.CATALOG_IMPORT_UPLOAD_REJECTED': 'The upload could not be read; send one file as the form field "file".',
  'catalog.import.header.MISSING_COLUMN': 'The column {{column}} is required.',
  'catalog.import.header.UNKNOWN_COLUMN': '{{column}} is not a column of the product import.',
  'catalog.import.header.DUPLICATE_COLUMN': 'The column {{column}} appears twice (or with another unit).',
  'catalog.import.header.INVALID_ATTRIBUTE_KEY': '{{column}}: an attribute name has lower-case Latin letters, digits and _ only, and starts with a letter.',
  'catalog.import.header.EMPTY_HEADER': 'The first row is empty; it must name the columns.',
  'catalog.import.row.PRODUCT_FIELD_CONFLICT': '{{column}} differs from row {{row}} of the same product; leave it empty or repeat the same value.',
  'catalog.import.row.HS_NATIONAL_FORMAT': '{{column}}: write national codes as COUNTRY:CODE separated by spaces, such as US:6204423010 EU:62044200.',
  'catalog.import.row.INVALID_NUMBER': '{{column}}: "{{value}}" is not a number (write 1990,50 or 1 990.50).',
  'catalog.import.row.BRAND_NOT_DECLARED': 'The brand {{brand}} is not declared in your business profile; add it there first.',
  'catalog.import.row.DUPLICATE_SKU_IN_FILE': 'The SKU {{sku}} is already on row {{row}} of this file.',
  'catalog.import.row.SKU_OTHER_PRODUCT': 'The SKU {{sku}} belongs to another of your products than the other rows of this product.',
  'catalog.import.row.PRODUCT_KEY_NOT_CONSECUTIVE': 'The rows of product {{key}} must follow each other; it already ended on row {{row}}.',
  'catalog.import.row.PRODUCT_ROW_FAILED': 'Not imported: another row of the same product has errors (row {{row}}).',
  'catalog.import.row.COLUMN_COUNT': 'The row has {{count}} cells, but the header names {{expected}} columns.',
  'catalog.import.row.CURRENCY_CHANGE_PARTIAL': 'The product has variants that are not in this file; it cannot change its currency to {{currency}}.',
  'catalog.import.row.INVALID_CHARACTERS': '{{column}} contains characters that cannot be stored (NUL or broken Unicode).',
  'catalog.import.failure.CSV_MALFORMED': 'The file stops being valid CSV on line {{line}} ({{reason}}); the rows before it were imported.',
  'catalog.import.failure.INTERNAL': 'The import stopped because of an error on our side; the rows before it were imported.',
};

const ru: ImportMessages = {
  'error.CATALOG_IMPORT_NOT_FOUND': 'Такого импорта нет.',
  'error.CATALOG_IMPORT_FILE_MISSING': 'Приложите CSV-файл в поле формы «file».',
  'error.CATALOG_IMPORT_FILE_TOO_LARGE': 'Файл больше {{limit}} байт; разделите его на несколько файлов.',
  'error.CATALOG_IMPORT_NOT_CSV': 'Это не текстовый CSV-файл. Сохраните таблицу в формате «CSV» и загрузите этот файл.',
  'error.CATALOG_IMPORT_HEADER_INVALID': 'Первая строка файла должна содержать названия столбцов; см. подробности.',
  'error.CATALOG_IMPORT_UPLOAD_REJECTED': 'Не удалось прочитать загрузку; отправьте один файл в поле формы «file».',
  'catalog.import.header.MISSING_COLUMN': 'Столбец {{column}} обязателен.',
  'catalog.import.header.UNKNOWN_COLUMN': '{{column}} — не столбец импорта товаров.',
  'catalog.import.header.DUPLICATE_COLUMN': 'Столбец {{column}} указан дважды (или в другой единице измерения).',
  'catalog.import.header.INVALID_ATTRIBUTE_KEY': '{{column}}: имя характеристики состоит из строчных латинских букв, цифр и _ и начинается с буквы.',
  'catalog.import.header.EMPTY_HEADER': 'Первая строка пуста; в ней должны быть названия столбцов.',
  'catalog.import.row.PRODUCT_FIELD_CONFLICT': '{{column}} отличается от строки {{row}} того же товара; оставьте поле пустым или повторите то же значение.',
  'catalog.import.row.HS_NATIONAL_FORMAT': '{{column}}: укажите национальные коды как СТРАНА:КОД через пробел, например US:6204423010 EU:62044200.',
  'catalog.import.row.INVALID_NUMBER': '{{column}}: «{{value}}» — не число (пишите 1990,50 или 1 990.50).',
  'catalog.import.row.BRAND_NOT_DECLARED': 'Бренд {{brand}} не указан в профиле вашей компании; сначала добавьте его туда.',
  'catalog.import.row.DUPLICATE_SKU_IN_FILE': 'Артикул {{sku}} уже есть в строке {{row}} этого файла.',
  'catalog.import.row.SKU_OTHER_PRODUCT': 'Артикул {{sku}} принадлежит другому вашему товару, чем остальные строки этого товара.',
  'catalog.import.row.PRODUCT_KEY_NOT_CONSECUTIVE': 'Строки товара {{key}} должны идти подряд; он уже закончился в строке {{row}}.',
  'catalog.import.row.PRODUCT_ROW_FAILED': 'Не импортировано: в другой строке того же товара есть ошибки (строка {{row}}).',
  'catalog.import.row.COLUMN_COUNT': 'В строке {{count}} ячеек, а в заголовке {{expected}} столбцов.',
  'catalog.import.row.CURRENCY_CHANGE_PARTIAL': 'У товара есть варианты, которых нет в этом файле; сменить его валюту на {{currency}} нельзя.',
  'catalog.import.row.INVALID_CHARACTERS': '{{column}} содержит символы, которые нельзя сохранить (NUL или повреждённый Юникод).',
  'catalog.import.failure.CSV_MALFORMED': 'Начиная со строки {{line}} файл не является корректным CSV ({{reason}}); строки до неё импортированы.',
  'catalog.import.failure.INTERNAL': 'Импорт остановлен из-за ошибки на нашей стороне; строки до неё импортированы.',
};

const tr: ImportMessages = {
  'error.CATALOG_IMPORT_NOT_FOUND': 'Böyle bir içe aktarma yok.',
  'error.CATALOG_IMPORT_FILE_MISSING': 'CSV dosyasını "file" form alanı olarak ekleyin.',
  'error.CATALOG_IMPORT_FILE_TOO_LARGE': 'Dosya {{limit}} bayttan büyük; daha küçük dosyalara bölün.',
  'error.CATALOG_IMPORT_NOT_CSV': 'Bu dosya bir CSV metin dosyası değil. Tabloyu "CSV" olarak kaydedip o dosyayı yükleyin.',
  'error.CATALOG_IMPORT_HEADER_INVALID': 'Dosyanın ilk satırı sütun adlarını içermelidir; ayrıntılara bakın.',
  'error.CATALOG_IMPORT_UPLOAD_REJECTED': 'Yükleme okunamadı; "file" form alanında tek bir dosya gönderin.',
  'catalog.import.header.MISSING_COLUMN': '{{column}} sütunu zorunludur.',
  'catalog.import.header.UNKNOWN_COLUMN': '{{column}} ürün içe aktarmasının bir sütunu değil.',
  'catalog.import.header.DUPLICATE_COLUMN': '{{column}} sütunu iki kez (veya başka bir birimle) yer alıyor.',
  'catalog.import.header.INVALID_ATTRIBUTE_KEY': '{{column}}: özellik adı yalnızca küçük Latin harfleri, rakamlar ve _ içerir ve bir harfle başlar.',
  'catalog.import.header.EMPTY_HEADER': 'İlk satır boş; sütun adlarını içermelidir.',
  'catalog.import.row.PRODUCT_FIELD_CONFLICT': '{{column}}, aynı ürünün {{row}}. satırından farklı; boş bırakın veya aynı değeri yazın.',
  'catalog.import.row.HS_NATIONAL_FORMAT': '{{column}}: ulusal kodları boşlukla ayrılmış ÜLKE:KOD olarak yazın, örneğin US:6204423010 EU:62044200.',
  'catalog.import.row.INVALID_NUMBER': '{{column}}: "{{value}}" bir sayı değil (1990,50 veya 1 990,50 gibi yazın).',
  'catalog.import.row.BRAND_NOT_DECLARED': '{{brand}} markası işletme profilinizde beyan edilmemiş; önce oraya ekleyin.',
  'catalog.import.row.DUPLICATE_SKU_IN_FILE': '{{sku}} stok kodu bu dosyanın {{row}}. satırında zaten var.',
  'catalog.import.row.SKU_OTHER_PRODUCT': '{{sku}} stok kodu, bu ürünün diğer satırlarından farklı bir ürününüze ait.',
  'catalog.import.row.PRODUCT_KEY_NOT_CONSECUTIVE': '{{key}} ürününün satırları art arda gelmelidir; ürün {{row}}. satırda zaten bitti.',
  'catalog.import.row.PRODUCT_ROW_FAILED': 'İçe aktarılmadı: aynı ürünün başka bir satırında hata var ({{row}}. satır).',
  'catalog.import.row.COLUMN_COUNT': 'Satırda {{count}} hücre var, ancak başlıkta {{expected}} sütun var.',
  'catalog.import.row.CURRENCY_CHANGE_PARTIAL': 'Ürünün bu dosyada olmayan varyantları var; para birimi {{currency}} olarak değiştirilemez.',
  'catalog.import.row.INVALID_CHARACTERS': '{{column}} saklanamayan karakterler içeriyor (NUL veya bozuk Unicode).',
  'catalog.import.failure.CSV_MALFORMED': 'Dosya {{line}}. satırdan itibaren geçerli bir CSV değil ({{reason}}); önceki satırlar içe aktarıldı.',
  'catalog.import.failure.INTERNAL': 'İçe aktarma bizim tarafımızdaki bir hata nedeniyle durdu; önceki satırlar içe aktarıldı.',
};

const it: ImportMessages = {
  'error.CATALOG_IMPORT_NOT_FOUND': 'Questa importazione non esiste.',
  'error.CATALOG_IMPORT_FILE_MISSING': 'Allega il file CSV nel campo del modulo "file".',
  'error.CATALOG_IMPORT_FILE_TOO_LARGE': 'Il file supera {{limit}} byte; dividilo in file più piccoli.',
  'error.CATALOG_IMPORT_NOT_CSV': 'Questo file non è un file di testo CSV. Salva il foglio come "CSV" e carica quel file.',
  'error.CATALOG_IMPORT_HEADER_INVALID': 'La prima riga del file deve indicare le colonne; vedi i dettagli.',
  'error.CATALOG_IMPORT_UPLOAD_REJECTED': 'Non è stato possibile leggere il caricamento; invia un solo file nel campo "file".',
  'catalog.import.header.MISSING_COLUMN': 'La colonna {{column}} è obbligatoria.',
  'catalog.import.header.UNKNOWN_COLUMN': '{{column}} non è una colonna dell’importazione prodotti.',
  'catalog.import.header.DUPLICATE_COLUMN': 'La colonna {{column}} compare due volte (o con un’altra unità).',
  'catalog.import.header.INVALID_ATTRIBUTE_KEY': '{{column}}: il nome di un attributo ha solo lettere latine minuscole, cifre e _, e inizia con una lettera.',
  'catalog.import.header.EMPTY_HEADER': 'La prima riga è vuota; deve indicare le colonne.',
  'catalog.import.row.PRODUCT_FIELD_CONFLICT': '{{column}} è diverso dalla riga {{row}} dello stesso prodotto; lascialo vuoto o ripeti lo stesso valore.',
  'catalog.import.row.HS_NATIONAL_FORMAT': '{{column}}: scrivi i codici nazionali come PAESE:CODICE separati da spazi, ad esempio US:6204423010 EU:62044200.',
  'catalog.import.row.INVALID_NUMBER': '{{column}}: "{{value}}" non è un numero (scrivi 1990,50 o 1 990,50).',
  'catalog.import.row.BRAND_NOT_DECLARED': 'Il marchio {{brand}} non è dichiarato nel tuo profilo aziendale; aggiungilo prima lì.',
  'catalog.import.row.DUPLICATE_SKU_IN_FILE': 'Lo SKU {{sku}} è già alla riga {{row}} di questo file.',
  'catalog.import.row.SKU_OTHER_PRODUCT': 'Lo SKU {{sku}} appartiene a un altro tuo prodotto rispetto alle altre righe di questo prodotto.',
  'catalog.import.row.PRODUCT_KEY_NOT_CONSECUTIVE': 'Le righe del prodotto {{key}} devono essere consecutive; è già terminato alla riga {{row}}.',
  'catalog.import.row.PRODUCT_ROW_FAILED': 'Non importata: un’altra riga dello stesso prodotto contiene errori (riga {{row}}).',
  'catalog.import.row.COLUMN_COUNT': 'La riga ha {{count}} celle, ma l’intestazione indica {{expected}} colonne.',
  'catalog.import.row.CURRENCY_CHANGE_PARTIAL': 'Il prodotto ha varianti che non sono in questo file; non può cambiare valuta in {{currency}}.',
  'catalog.import.row.INVALID_CHARACTERS': '{{column}} contiene caratteri che non si possono salvare (NUL o Unicode danneggiato).',
  'catalog.import.failure.CSV_MALFORMED': 'Dalla riga {{line}} il file non è più un CSV valido ({{reason}}); le righe precedenti sono state importate.',
  'catalog.import.failure.INTERNAL': 'L’importazione si è fermata per un errore da parte nostra; le righe precedenti sono state importate.',
};

const es: ImportMessages = {
  'error.CATALOG_IMPORT_NOT_FOUND': 'No existe esa importación.',
  'error.CATALOG_IMPORT_FILE_MISSING': 'Adjunta el archivo CSV en el campo del formulario "file".',
  'error.CATALOG_IMPORT_FILE_TOO_LARGE': 'El archivo supera {{limit}} bytes; divídelo en archivos más pequeños.',
  'error.CATALOG_IMPORT_NOT_CSV': 'Este archivo no es un archivo de texto CSV. Guarda la hoja como "CSV" y sube ese archivo.',
  'error.CATALOG_IMPORT_HEADER_INVALID': 'La primera fila del archivo debe nombrar las columnas; consulta los detalles.',
  'error.CATALOG_IMPORT_UPLOAD_REJECTED': 'No se pudo leer la subida; envía un solo archivo en el campo "file".',
  'catalog.import.header.MISSING_COLUMN': 'La columna {{column}} es obligatoria.',
  'catalog.import.header.UNKNOWN_COLUMN': '{{column}} no es una columna de la importación de productos.',
  'catalog.import.header.DUPLICATE_COLUMN': 'La columna {{column}} aparece dos veces (o con otra unidad).',
  'catalog.import.header.INVALID_ATTRIBUTE_KEY': '{{column}}: el nombre de un atributo solo tiene letras latinas minúsculas, dígitos y _, y empieza por una letra.',
  'catalog.import.header.EMPTY_HEADER': 'La primera fila está vacía; debe nombrar las columnas.',
  'catalog.import.row.PRODUCT_FIELD_CONFLICT': '{{column}} difiere de la fila {{row}} del mismo producto; déjalo vacío o repite el mismo valor.',
  'catalog.import.row.HS_NATIONAL_FORMAT': '{{column}}: escribe los códigos nacionales como PAÍS:CÓDIGO separados por espacios, por ejemplo US:6204423010 EU:62044200.',
  'catalog.import.row.INVALID_NUMBER': '{{column}}: "{{value}}" no es un número (escribe 1990,50 o 1 990,50).',
  'catalog.import.row.BRAND_NOT_DECLARED': 'La marca {{brand}} no está declarada en tu perfil de empresa; añádela allí primero.',
  'catalog.import.row.DUPLICATE_SKU_IN_FILE': 'El SKU {{sku}} ya está en la fila {{row}} de este archivo.',
  'catalog.import.row.SKU_OTHER_PRODUCT': 'El SKU {{sku}} pertenece a otro de tus productos distinto del de las demás filas de este producto.',
  'catalog.import.row.PRODUCT_KEY_NOT_CONSECUTIVE': 'Las filas del producto {{key}} deben ir seguidas; ya terminó en la fila {{row}}.',
  'catalog.import.row.PRODUCT_ROW_FAILED': 'No importada: otra fila del mismo producto tiene errores (fila {{row}}).',
  'catalog.import.row.COLUMN_COUNT': 'La fila tiene {{count}} celdas, pero la cabecera nombra {{expected}} columnas.',
  'catalog.import.row.CURRENCY_CHANGE_PARTIAL': 'El producto tiene variantes que no están en este archivo; no puede cambiar su moneda a {{currency}}.',
  'catalog.import.row.INVALID_CHARACTERS': '{{column}} contiene caracteres que no se pueden guardar (NUL o Unicode dañado).',
  'catalog.import.failure.CSV_MALFORMED': 'A partir de la línea {{line}} el archivo deja de ser un CSV válido ({{reason}}); se importaron las filas anteriores.',
  'catalog.import.failure.INTERNAL': 'La importación se detuvo por un error nuestro; se importaron las filas anteriores.',
};

export const IMPORT_MESSAGES: Translations<ImportMessages> = { en, ru, tr, it, es };
