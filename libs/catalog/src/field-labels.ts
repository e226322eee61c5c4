import { registerFieldLabels } from '@app/kernel';

// How the product's text fields are named in the messages a seller reads (readiness issues, errors).
registerFieldLabels({
  title: { en: 'Title', ru: 'Название', tr: 'Başlık', it: 'Titolo', es: 'Título' },
  description: { en: 'Description', ru: 'Описание', tr: 'Açıklama', it: 'Descrizione', es: 'Descripción' },
  safetyInformation: { en: 'Safety information', ru: 'Информация о безопасности', tr: 'Güvenlik bilgileri', it: 'Informazioni sulla sicurezza', es: 'Información de seguridad' },
});
