import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { fromMinorUnits } from '@app/kernel';
import type { Locale } from '@app/kernel';
import type { ProductImageEntity } from '../images/product-image.entity';
import { imageView, ProductImageView } from '../images/views';
import { category } from '../taxonomy/taxonomy';
import type { Attribute, Conformity, Gpsr, ProductEntity, VariantEntity } from './product.entity';
import type { Battery } from '../compliance/dangerous-goods';

export class MoneyView {
  @ApiProperty({ example: '199000', description: 'Integer minor units (ISO 4217 exponent), as a string' }) amountMinor: string;
  @ApiProperty({ example: '1990.00', description: 'The same amount in major units, as a decimal string' }) amount: string;
  @ApiProperty({ example: 'RUB' }) currency: string;
}

export class DimensionsView {
  @ApiProperty({ example: 300 }) length: number;
  @ApiProperty({ example: 200 }) width: number;
  @ApiProperty({ example: 100 }) height: number;
}

export class AttributeView {
  @ApiProperty({ example: 'size' }) key: string;
  @ApiProperty({ example: 'XL' }) value: string;
}

export class VariantView {
  @ApiProperty() id: string;
  @ApiProperty({ example: 'GUNES-DRESS-XL' }) sku: string;
  @ApiProperty({ type: [AttributeView] }) attributes: Attribute[];
  @ApiProperty({ type: MoneyView }) price: MoneyView;
  @ApiProperty({ type: MoneyView, nullable: true, description: 'Floor price (cost or MAP): market prices below it are blocked' }) floor: MoneyView | null;
  @ApiProperty({ nullable: true, example: 1250, description: 'Package weight in grams' }) weightG: number | null;
  @ApiProperty({ type: DimensionsView, nullable: true, description: 'Package dimensions in millimetres' }) dimensionsMm: DimensionsView | null;
}

export class CategoryView {
  @ApiProperty({ example: 'apparel.women' }) code: string;
  @ApiProperty({ example: 'Abbigliamento donna', description: "In the caller's language" }) label: string;
}

export class ProductView {
  @ApiProperty() id: string;
  @ApiProperty({ enum: ['draft', 'active', 'archived'] }) status: string;
  @ApiProperty({ example: 'tr', description: 'BCP 47 content locale of the source texts' }) sourceLocale: string;
  @ApiProperty({ example: 'TRY' }) currency: string;
  @ApiProperty() title: string;
  @ApiProperty({ nullable: true }) description: string | null;
  @ApiProperty({ type: [AttributeView] }) attributes: Attribute[];
  @ApiProperty({ type: CategoryView }) category: CategoryView;
  @ApiProperty({ nullable: true, example: '620442' }) hsCode: string | null;
  @ApiProperty({ example: { US: '6204423010' } }) hsNational: Record<string, string>;
  @ApiProperty({ nullable: true, example: 'TR' }) originCountry: string | null;
  @ApiProperty({ nullable: true, example: 'Güneş' }) brand: string | null;
  @ApiProperty({ nullable: true, type: 'object', additionalProperties: true, description: 'manufacturer and euResponsiblePerson' }) gpsr: Gpsr | null;
  @ApiProperty({ nullable: true, type: 'object', additionalProperties: true, example: { docUrl: 'https://gunes.example.com.tr/doc/toy-42.pdf' }, description: 'Conformity evidence (declaration of conformity URL)' })
  conformity: Conformity | null;
  @ApiProperty({ nullable: true, type: 'object', additionalProperties: true, example: { chemistry: 'li-ion', packing: 'in-equipment', whPerBattery: 12 }, description: 'A battery shipped with the product' })
  battery: Battery | null;
  @ApiProperty({ nullable: true }) safetyInformation: string | null;
  @ApiProperty({ type: [VariantView] }) variants: VariantView[];
  @ApiProperty({ type: [ProductImageView], description: 'Images in order (1 = main image): POST …/products/{id}/images' }) images: ProductImageView[];
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

export class ProductPageView {
  @ApiProperty({ type: [ProductView] }) items: ProductView[];
  @ApiProperty({ example: 42 }) total: number;
  @ApiProperty({ example: 20 }) limit: number;
  @ApiProperty({ example: 0 }) offset: number;
}

export class CategoryListView extends CategoryView {
  @ApiPropertyOptional({ example: 'apparel' }) parent?: string;
}

export const money = (minor: string, currency: string): MoneyView => ({ amountMinor: String(BigInt(minor)), amount: fromMinorUnits(minor, currency), currency });

export const categoryView = (code: string, locale: Locale): CategoryView => ({ code, label: category(code)?.label[locale] ?? code });

export function variantView(v: VariantEntity): VariantView {
  return {
    id: v.id,
    sku: v.sku,
    attributes: v.attributes,
    price: money(v.priceMinor, v.currency),
    floor: v.floorMinor === null ? null : money(v.floorMinor, v.currency),
    weightG: v.weightG,
    dimensionsMm: v.lengthMm !== null && v.widthMm !== null && v.heightMm !== null ? { length: v.lengthMm, width: v.widthMm, height: v.heightMm } : null,
  };
}

export function productView(p: ProductEntity, variants: VariantEntity[], images: ProductImageEntity[], locale: Locale): ProductView {
  return {
    id: p.id,
    status: p.status,
    sourceLocale: p.sourceLocale,
    currency: p.currency,
    title: p.title,
    description: p.description,
    attributes: p.attributes,
    category: categoryView(p.category, locale),
    hsCode: p.hsCode,
    hsNational: p.hsNational,
    originCountry: p.originCountry,
    brand: p.brand,
    gpsr: p.gpsr,
    conformity: p.conformity,
    battery: p.battery,
    safetyInformation: p.safetyInformation,
    variants: variants.map(variantView),
    images: images.map(imageView),
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}
