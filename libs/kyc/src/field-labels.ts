import { registerFieldLabels } from '@app/kernel';

/** How KYC's input fields are named in messages (`{{n}}`: the person's position in the list). */
registerFieldLabels({
  persons: { en: 'Persons', ru: 'Лица', tr: 'Kişiler', it: 'Persone', es: 'Personas' },
  'persons[]': { en: 'Person {{n}}', ru: 'Лицо {{n}}', tr: '{{n}}. kişi', it: 'Persona {{n}}', es: 'Persona {{n}}' },
  'persons[].role': { en: 'Role (person {{n}})', ru: 'Роль (лицо {{n}})', tr: 'Rol ({{n}}. kişi)', it: 'Ruolo (persona {{n}})', es: 'Función (persona {{n}})' },
  'persons[].fullName': { en: 'Full name (person {{n}})', ru: 'ФИО (лицо {{n}})', tr: 'Adı soyadı ({{n}}. kişi)', it: 'Nome e cognome (persona {{n}})', es: 'Nombre completo (persona {{n}})' },
  'persons[].dateOfBirth': { en: 'Date of birth (person {{n}})', ru: 'Дата рождения (лицо {{n}})', tr: 'Doğum tarihi ({{n}}. kişi)', it: 'Data di nascita (persona {{n}})', es: 'Fecha de nacimiento (persona {{n}})' },
  'persons[].nationality': { en: 'Nationality (person {{n}})', ru: 'Гражданство (лицо {{n}})', tr: 'Uyruk ({{n}}. kişi)', it: 'Cittadinanza (persona {{n}})', es: 'Nacionalidad (persona {{n}})' },
  'persons[].idDocumentType': { en: 'Identity document (person {{n}})', ru: 'Документ, удостоверяющий личность (лицо {{n}})', tr: 'Kimlik belgesi ({{n}}. kişi)', it: "Documento d'identità (persona {{n}})", es: 'Documento de identidad (persona {{n}})' },
  'persons[].idDocumentNumber': { en: 'Identity document number (person {{n}})', ru: 'Номер документа, удостоверяющего личность (лицо {{n}})', tr: 'Kimlik belgesi numarası ({{n}}. kişi)', it: "Numero del documento d'identità (persona {{n}})", es: 'Número del documento de identidad (persona {{n}})' },
  'persons[].sharePercent': { en: 'Share in percent (person {{n}})', ru: 'Доля в процентах (лицо {{n}})', tr: 'Yüzde pay ({{n}}. kişi)', it: 'Quota in percentuale (persona {{n}})', es: 'Participación en porcentaje (persona {{n}})' },
  personId: { en: 'Person', ru: 'Лицо', tr: 'Kişi', it: 'Persona', es: 'Persona' },
  issuedOn: { en: 'Issue date', ru: 'Дата выдачи', tr: 'Düzenlenme tarihi', it: 'Data di rilascio', es: 'Fecha de expedición' },
  expiresOn: { en: 'Expiry date', ru: 'Срок действия', tr: 'Geçerlilik tarihi', it: 'Data di scadenza', es: 'Fecha de caducidad' },
  file: { en: 'File', ru: 'Файл', tr: 'Dosya', it: 'File', es: 'Archivo' },
});
