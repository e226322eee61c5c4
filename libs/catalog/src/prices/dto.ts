import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { Omittable } from '@app/kernel';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsOptional, IsString, Length, Matches, MaxLength, ValidateNested } from 'class-validator';

export class FixedPriceItemDto {
  @ApiProperty({ example: 'GUNES-DRESS-XL' }) @IsString() @Length(1, 64) sku: string;
  @ApiPropertyOptional({ example: '24.90', description: "Decimal string in the market's currency (at most its ISO 4217 exponent of decimals)" })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  amount?: string;
  @ApiPropertyOptional({ example: '2490', description: 'Integer minor units, as a string (instead of amount)' }) @IsOptional() @IsString() @MaxLength(40) amountMinor?: string;
  @ApiPropertyOptional({
    example: '24.99',
    description:
      "A sale: the price this fixed price is compared with, a decimal string in the market's currency, above the amount (else COMPARE_AT_NOT_ABOVE). In EU markets the listing shows the lowest price of the 30 days before the sale instead (Omnibus; issue OMNIBUS_PRIOR_PRICE).",
  })
  @Omittable()
  @IsString()
  @MaxLength(40)
  compareAt?: string;
}

export class PutFixedPricesDto {
  @ApiProperty({ example: 'EUR', description: "Must be the market's currency (else 422 CURRENCY_NOT_ENABLED_FOR_MARKET)" }) @IsString() @Matches(/^[A-Za-z]{3}$/) currency: string;
  @ApiProperty({ type: [FixedPriceItemDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => FixedPriceItemDto)
  variants: FixedPriceItemDto[];
}

export class PriceIssueDoc {
  @ApiProperty({ example: 'PRICE_FX_STALE', enum: ['PRICE_FX_STALE', 'PRICE_FX_MISSING', 'PRICE_FX_RATE_UNAVAILABLE', 'PRICE_NOT_POSITIVE', 'PRICE_FIXED_PRECISION', 'PRICE_RULE_INVALID', 'PRICE_BELOW_FLOOR', 'OMNIBUS_PRIOR_PRICE'] }) code: string;
  @ApiProperty({ enum: ['BLOCKER', 'WARNING'] }) severity: string;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } }) params: Record<string, string>;
  @ApiProperty({ description: "In the caller's language" }) message: string;
}

export class PriceStepDoc {
  @ApiProperty({ example: 'fx' }) step: string;
  @ApiProperty({ example: '36.07' }) value: string;
  @ApiProperty({ example: 'EUR' }) currency: string;
  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'string' } }) detail?: Record<string, string>;
}

export class CompareAtDoc {
  @ApiProperty({ example: '2149' }) amountMinor: string;
  @ApiProperty({ example: '21.49' }) amount: string;
  @ApiProperty({ nullable: true, type: String, example: '21,49 €' }) formatted: string | null;
  @ApiProperty({ enum: ['seller', 'lowest_30d'], description: 'lowest_30d: the lowest price of the 30 days before the sale (EU Omnibus), shown instead of the seller’s' }) source: string;
  @ApiProperty({ example: '24.99', description: 'What the seller declared' }) declared: string;
}

export class MarketPriceDoc {
  @ApiProperty({ enum: ['priced', 'kept', 'frozen', 'blocked'], description: 'kept: an FX move under 1 % kept the previous price; frozen: stale FX, previous price kept; blocked: no price (see issues)' })
  outcome: string;
  @ApiProperty({ nullable: true, type: String, example: '4499', description: 'Integer minor units of currency, as a string; null when blocked' }) amountMinor: string | null;
  @ApiProperty({ nullable: true, type: String, example: '44.99' }) amount: string | null;
  @ApiProperty({ example: 'EUR' }) currency: string;
  @ApiProperty({ nullable: true, type: String, example: '44,99 €', description: "Intl.NumberFormat in the listing's display locale" }) formatted: string | null;
  @ApiProperty({ enum: ['converted', 'same_currency', 'fixed'] }) source: string;
  @ApiProperty({ type: [PriceStepDoc] }) breakdown: PriceStepDoc[];
  @ApiProperty({ nullable: true, type: String }) fxSnapshotId: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'ecb' }) fxSource: string | null;
  @ApiProperty({ type: [String], example: ['TRY', 'EUR'] }) fxPath: string[];
  @ApiProperty({ example: 'market:IT@1' }) ruleVersion: string;
  @ApiProperty({ nullable: true, type: String, description: 'When the stored price was computed (null: not stored yet)' }) storedAt: string | null;
  @ApiProperty({ type: CompareAtDoc, nullable: true, description: 'A sale’s prior price, when the fixed price has a compare-at that may be shown' }) compareAt: CompareAtDoc | null;
  @ApiProperty({ type: [PriceIssueDoc] }) issues: PriceIssueDoc[];
}

export class FixedPriceDoc {
  @ApiProperty({ example: '2490' }) amountMinor: string;
  @ApiProperty({ example: '24.90' }) amount: string;
  @ApiProperty({ example: 'EUR' }) currency: string;
  @ApiProperty({ nullable: true, type: String, example: '24.99', description: 'The sale’s compare-at as the seller set it' }) compareAt: string | null;
}

export class VariantPricesView {
  @ApiProperty() variantId: string;
  @ApiProperty() sku: string;
  @ApiProperty({ type: FixedPriceDoc, nullable: true }) fixed: FixedPriceDoc | null;
  @ApiProperty({ type: MarketPriceDoc }) price: MarketPriceDoc;
}

export class ProductPricesView {
  @ApiProperty() productId: string;
  @ApiProperty({ example: 'IT' }) market: string;
  @ApiProperty({ example: 'EUR' }) currency: string;
  @ApiProperty({ type: [VariantPricesView] }) variants: VariantPricesView[];
}
