import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMinSize,
  IsEmail,
  IsIn,
  IsInt,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { BaseQueryDto, ListOf, Nested, Omittable } from '@app/kernel';

export class AttributeDto {
  @ApiProperty({ example: 'material', description: 'Lower-case key: size, colour, material…' })
  @IsString()
  @Matches(/^[a-z][a-z0-9_]{0,39}$/)
  key: string;

  @ApiProperty({ example: '100% pamuk' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  value: string;
}

export class PriceInputDto {
  @ApiPropertyOptional({ example: '1990.00', description: 'Decimal amount in major units; no more decimals than the currency has (JPY none). Give this or amountMinor.' })
  @Omittable()
  @IsString()
  @MaxLength(40)
  amount?: string;

  @ApiPropertyOptional({ example: '199000', description: 'Integer minor units (ISO 4217 exponent). Give this or amount.' })
  @Omittable()
  @IsString()
  @MaxLength(40)
  amountMinor?: string;

  @ApiProperty({ example: 'RUB', description: "ISO 4217; must be the product's currency" })
  @IsString()
  @MaxLength(3)
  currency: string;
}

export class DimensionsDto {
  @ApiProperty({ example: 300 }) @IsInt() @Min(1) @Max(10000) length: number;
  @ApiProperty({ example: 200 }) @IsInt() @Min(1) @Max(10000) width: number;
  @ApiProperty({ example: 100 }) @IsInt() @Min(1) @Max(10000) height: number;
}

export class VariantDto {
  @ApiProperty({ example: 'GUNES-DRESS-XL', description: 'Unique per seller, compared byte for byte and case-sensitively; 1–64 characters, no control characters, no surrounding spaces.' })
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  sku: string;

  @ApiPropertyOptional({ type: [AttributeDto], example: [{ key: 'size', value: 'XL' }] })
  @Omittable()
  @ListOf(() => AttributeDto, 20)
  attributes?: AttributeDto[];

  @ApiProperty({ type: PriceInputDto })
  @Nested(() => PriceInputDto)
  price: PriceInputDto;

  @ApiPropertyOptional({
    example: '150000',
    description:
      "Floor price (cost or MAP) in integer minor units of the product's currency: a market price converted below it is blocked (PRICE_BELOW_FLOOR) and a fixed market price below it refused. Omit for none.",
  })
  @Omittable()
  @IsString()
  @Matches(/^\d{1,18}$/)
  floorMinor?: string;

  @ApiPropertyOptional({ example: 1250, description: 'Package weight in grams' })
  @Omittable()
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  weightG?: number;

  @ApiPropertyOptional({ type: DimensionsDto, description: 'Package dimensions in millimetres' })
  @Omittable()
  @Nested(() => DimensionsDto)
  dimensionsMm?: DimensionsDto;
}

export class AddressDto {
  @ApiProperty({ example: 'Atatürk Cd. 12' }) @IsString() @MinLength(1) @MaxLength(200) line1: string;
  @ApiPropertyOptional() @Omittable() @IsString() @MaxLength(200) line2?: string;
  @ApiProperty({ example: 'Bursa' }) @IsString() @MinLength(1) @MaxLength(100) city: string;
  @ApiPropertyOptional({ example: '16000' }) @Omittable() @IsString() @MaxLength(20) postalCode?: string;
  @ApiPropertyOptional() @Omittable() @IsString() @MaxLength(100) region?: string;
  @ApiProperty({ example: 'TR', description: 'ISO 3166-1 alpha-2' }) @IsString() @MaxLength(2) country: string;
}

export class EconomicOperatorDto {
  @ApiProperty({ example: 'Güneş Tekstil A.Ş.' }) @IsString() @MinLength(1) @MaxLength(200) name: string;

  @ApiProperty({ type: AddressDto })
  @Nested(() => AddressDto)
  address: AddressDto;

  @ApiPropertyOptional({ example: 'info@gunes.com.tr' }) @Omittable() @IsEmail() @MaxLength(254) email?: string;

  @ApiPropertyOptional({ example: 'https://gunes.com.tr' })
  @Omittable()
  @IsUrl({ protocols: ['https', 'http'], require_protocol: true })
  @MaxLength(300)
  url?: string;
}

export class GpsrDto {
  @ApiPropertyOptional({ type: EconomicOperatorDto, description: 'Manufacturer: name, postal and electronic address (GPSR art. 19 a)' })
  @Omittable()
  @Nested(() => EconomicOperatorDto)
  manufacturer?: EconomicOperatorDto;

  @ApiPropertyOptional({ type: EconomicOperatorDto, description: 'EU responsible person, needed when the manufacturer is outside the EU (GPSR art. 16, 19 b)' })
  @Omittable()
  @Nested(() => EconomicOperatorDto)
  euResponsiblePerson?: EconomicOperatorDto;
}

export class ConformityDto {
  @ApiPropertyOptional({ example: 'https://gunes.example.com.tr/doc/toy-42.pdf', description: 'Link to the declaration of conformity (CE: toys, electrical, radio, PPE…)' })
  @IsOptional()
  @IsUrl({ protocols: ['https', 'http'], require_protocol: true })
  @MaxLength(300)
  docUrl?: string;
}

export class BatteryDto {
  @ApiProperty({ enum: ['li-ion', 'li-metal', 'nimh', 'alkaline'] }) @IsIn(['li-ion', 'li-metal', 'nimh', 'alkaline']) chemistry: 'li-ion' | 'li-metal' | 'nimh' | 'alkaline';
  @ApiProperty({ enum: ['alone', 'with-equipment', 'in-equipment'], description: 'Shipped alone (UN3480/UN3090), packed with or built into equipment (UN3481/UN3091)' })
  @IsIn(['alone', 'with-equipment', 'in-equipment'])
  packing: 'alone' | 'with-equipment' | 'in-equipment';
  @ApiPropertyOptional({ example: 12, description: 'Watt-hours per cell (Li-ion)' }) @Omittable() @IsNumber({ maxDecimalPlaces: 2 }) @Min(0) @Max(100000) whPerCell?: number;
  @ApiPropertyOptional({ example: 12, description: 'Watt-hours per battery (Li-ion)' }) @Omittable() @IsNumber({ maxDecimalPlaces: 2 }) @Min(0) @Max(100000) whPerBattery?: number;
  @ApiPropertyOptional({ example: 0.5, description: 'Grams of lithium per cell (Li-metal)' }) @Omittable() @IsNumber({ maxDecimalPlaces: 3 }) @Min(0) @Max(100000) lithiumGPerCell?: number;
  @ApiPropertyOptional({ example: 1, description: 'Grams of lithium per battery (Li-metal)' }) @Omittable() @IsNumber({ maxDecimalPlaces: 3 }) @Min(0) @Max(100000) lithiumGPerBattery?: number;
}

export class ProductDto {
  @ApiProperty({ example: 'Güneş Kadın Elbise XL 100% pamuk', description: 'At most 200 characters (not bytes)' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title: string;

  @ApiPropertyOptional({ example: 'Yazlık pamuklu elbise.' })
  @Omittable()
  @IsString()
  @MaxLength(10000)
  description?: string;

  @ApiPropertyOptional({ example: 'tr', description: "BCP 47 content locale of the texts; defaults to the main language of the seller's country" })
  @Omittable()
  @IsString()
  @MaxLength(35)
  sourceLocale?: string;

  @ApiPropertyOptional({ example: 'TRY', description: "ISO 4217; defaults to the seller's country currency" })
  @Omittable()
  @IsString()
  @MaxLength(3)
  currency?: string;

  @ApiProperty({ example: 'apparel.women', description: 'A code of GET /v1/catalog/categories' })
  @IsString()
  @MaxLength(64)
  category: string;

  @ApiPropertyOptional({ type: [AttributeDto], example: [{ key: 'material', value: '100% pamuk' }] })
  @Omittable()
  @ListOf(() => AttributeDto, 50)
  attributes?: AttributeDto[];

  @ApiProperty({ type: [VariantDto] })
  @ArrayMinSize(1)
  @ListOf(() => VariantDto, 100)
  variants: VariantDto[];

  @ApiPropertyOptional({ example: '620442', description: 'HS 6-digit subheading (chapters 01–97, not 77)' })
  @Omittable()
  @IsString()
  @MaxLength(6)
  hsCode?: string;

  @ApiPropertyOptional({ example: { US: '6204423010' }, description: 'National tariff codes of 8–10 digits by destination country (or EU), starting with hsCode' })
  @Omittable()
  @IsObject()
  hsNational?: Record<string, string>;

  @ApiPropertyOptional({ example: 'TR', description: 'Country of origin, ISO 3166-1 alpha-2' })
  @Omittable()
  @IsString()
  @MaxLength(2)
  originCountry?: string;

  @ApiPropertyOptional({ example: 'Güneş', description: "Must be one of the brands declared in the seller's business profile" })
  @Omittable()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  brand?: string;

  @ApiPropertyOptional({ type: GpsrDto })
  @Omittable()
  @Nested(() => GpsrDto)
  gpsr?: GpsrDto;

  @ApiPropertyOptional({ type: ConformityDto })
  @Omittable()
  @Nested(() => ConformityDto)
  conformity?: ConformityDto;

  @ApiPropertyOptional({ type: BatteryDto, description: 'A battery shipped with the product: dangerous goods, judged per shipping lane' })
  @Omittable()
  @Nested(() => BatteryDto)
  battery?: BatteryDto;

  @ApiPropertyOptional({ example: '3 yaşından küçük çocuklar için uygun değildir.', description: 'Safety information and warnings (a legal text)' })
  @Omittable()
  @IsString()
  @MinLength(1)
  @MaxLength(5000)
  safetyInformation?: string;

  @ApiPropertyOptional({ enum: ['draft', 'active', 'archived'], description: 'Defaults to draft; changes follow the status table' })
  @Omittable()
  @IsIn(['draft', 'active', 'archived'])
  status?: 'draft' | 'active' | 'archived';
}

export class ListProductsQueryDto extends BaseQueryDto {
  @ApiPropertyOptional({ description: 'Exact SKU (byte for byte, case-sensitive)' }) @IsOptional() @IsString() @MaxLength(64) sku?: string;
  @ApiPropertyOptional({ enum: ['draft', 'active', 'archived'] }) @IsOptional() @IsIn(['draft', 'active', 'archived']) status?: 'draft' | 'active' | 'archived';
  @ApiPropertyOptional({ description: 'A category code; its sub-categories are included' }) @IsOptional() @IsString() @MaxLength(64) category?: string;
  @ApiPropertyOptional({ description: 'Words in the source title (case-insensitive)' }) @IsOptional() @IsString() @MaxLength(100) q?: string;
  @ApiPropertyOptional({ default: 20, minimum: 1, maximum: 100 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100) limit?: number;
  @ApiPropertyOptional({ default: 0, minimum: 0 }) @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(1_000_000) offset?: number;
}

export class TranslationFieldDto {
  @ApiProperty({ example: 'title', description: 'A field of GET …/translations source[]' }) @IsString() @MinLength(1) @MaxLength(120) field: string;
  @ApiProperty({ example: 'Güneş Abito da donna XL 100% cotone' }) @IsString() @MinLength(1) @MaxLength(10000) value: string;
  @ApiProperty({ example: 'a3f…', description: 'The sourceHash of the field as read from GET …/translations' }) @IsString() @Matches(/^[0-9a-f]{64}$/) sourceHash: string;
  @ApiPropertyOptional({ enum: ['machine', 'translated', 'reviewed'], default: 'translated' }) @Omittable() @IsIn(['machine', 'translated', 'reviewed']) status?: 'machine' | 'translated' | 'reviewed';
}

export class PutTranslationsDto {
  @ApiProperty({ type: [TranslationFieldDto] })
  @ArrayMinSize(1)
  @ListOf(() => TranslationFieldDto, 200)
  fields: TranslationFieldDto[];
}

export class ListingQueryDto extends BaseQueryDto {
  @ApiPropertyOptional({ example: 'it-CH', description: "A content locale the market shows (default: the market's own language)" })
  @IsOptional()
  @IsString()
  @MaxLength(35)
  locale?: string;
}
