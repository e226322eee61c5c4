import type { Locale } from '@app/kernel';

/**
 * The published product taxonomy (data, versioned by TAXONOMY_VERSION): dotted codes, a parent
 * before its children, labels in every service language. Products name a category by code; later
 * work hangs per-category attribute requirements and compliance regimes (toys → CE, batteries → DG)
 * on these codes, so codes never change meaning — a new meaning gets a new code.
 */
export const TAXONOMY_VERSION = '2026-12-01';

export interface Category {
  code: string;
  label: Record<Locale, string>;
}

export const CATEGORIES: readonly Category[] = [
  { code: 'apparel', label: { en: 'Apparel', ru: 'Одежда', tr: 'Giyim', it: 'Abbigliamento', es: 'Ropa' } },
  { code: 'apparel.women', label: { en: "Women's clothing", ru: 'Женская одежда', tr: 'Kadın giyim', it: 'Abbigliamento donna', es: 'Ropa de mujer' } },
  { code: 'apparel.men', label: { en: "Men's clothing", ru: 'Мужская одежда', tr: 'Erkek giyim', it: 'Abbigliamento uomo', es: 'Ropa de hombre' } },
  { code: 'apparel.shoes', label: { en: 'Shoes', ru: 'Обувь', tr: 'Ayakkabı', it: 'Scarpe', es: 'Calzado' } },
  { code: 'toys', label: { en: 'Toys', ru: 'Игрушки', tr: 'Oyuncaklar', it: 'Giocattoli', es: 'Juguetes' } },
  { code: 'food', label: { en: 'Food and drink', ru: 'Продукты и напитки', tr: 'Yiyecek ve içecek', it: 'Alimenti e bevande', es: 'Alimentación y bebidas' } },
  { code: 'food.spirits', label: { en: 'Spirits', ru: 'Крепкие алкогольные напитки', tr: 'Sert alkollü içkiler', it: 'Superalcolici', es: 'Bebidas espirituosas' } },
  { code: 'food.tea_coffee', label: { en: 'Tea and coffee', ru: 'Чай и кофе', tr: 'Çay ve kahve', it: 'Tè e caffè', es: 'Té y café' } },
  { code: 'home', label: { en: 'Home', ru: 'Дом', tr: 'Ev', it: 'Casa', es: 'Hogar' } },
  { code: 'home.kitchen', label: { en: 'Kitchen', ru: 'Кухня', tr: 'Mutfak', it: 'Cucina', es: 'Cocina' } },
  { code: 'home.textiles', label: { en: 'Home textiles', ru: 'Домашний текстиль', tr: 'Ev tekstili', it: 'Tessili per la casa', es: 'Textil hogar' } },
  { code: 'home.ceramics', label: { en: 'Ceramics', ru: 'Керамика', tr: 'Seramik', it: 'Ceramica', es: 'Cerámica' } },
  { code: 'electronics', label: { en: 'Electronics', ru: 'Электроника', tr: 'Elektronik', it: 'Elettronica', es: 'Electrónica' } },
  { code: 'electronics.batteries', label: { en: 'Batteries and power banks', ru: 'Аккумуляторы и пауэрбанки', tr: 'Piller ve taşınabilir şarj cihazları', it: 'Batterie e power bank', es: 'Baterías y baterías externas' } },
  { code: 'beauty', label: { en: 'Beauty', ru: 'Красота', tr: 'Güzellik', it: 'Bellezza', es: 'Belleza' } },
  { code: 'beauty.cosmetics', label: { en: 'Cosmetics', ru: 'Косметика', tr: 'Kozmetik', it: 'Cosmetici', es: 'Cosmética' } },
  { code: 'jewellery', label: { en: 'Jewellery', ru: 'Ювелирные изделия', tr: 'Takı', it: 'Gioielli', es: 'Joyería' } },
];

const byCode = new Map(CATEGORIES.map((c) => [c.code, c]));

export const category = (code: string): Category | undefined => byCode.get(code);
