import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsEmail, IsIn, IsInt, IsISO31661Alpha2, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { PASSWORD_MAX, PASSWORD_MIN, TokenView } from '@app/accounts';
import { BaseQueryDto, MAX_QUERY_OFFSET, Omittable, SUPPORTED_LOCALES } from '@app/kernel';
import { SIGNUP_SELLER_TYPES } from './eligibility';
import type { SellerType } from '@app/countries';
import type { Locale } from '@app/kernel';
import type { SellerEntity, SellerStatus } from './seller.entity';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const upper = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toUpperCase() : value);

export class SignupDto {
  @ApiProperty({ example: 'anna@bottega.it' })
  @Transform(trim)
  @IsEmail()
  @MaxLength(254)
  email: string;

  @ApiProperty({ minLength: PASSWORD_MIN, maxLength: PASSWORD_MAX, format: 'password' })
  @IsString()
  @MinLength(PASSWORD_MIN)
  @MaxLength(PASSWORD_MAX)
  password: string;

  @ApiProperty({ example: 'IT', description: 'Country of establishment, ISO 3166-1 alpha-2.' })
  @Transform(upper)
  @IsString()
  @IsISO31661Alpha2()
  country: string;

  @ApiPropertyOptional({ enum: SUPPORTED_LOCALES, description: "Preferred language; defaults to the request language (?lang, Accept-Language), else the first of the country pack's sellerLocales." })
  @IsOptional()
  @IsIn(SUPPORTED_LOCALES)
  locale?: Locale;

  @ApiPropertyOptional({ enum: SIGNUP_SELLER_TYPES, description: 'What kind of seller signs up. When the country has no eligible legal form for it, sign-up is refused (422 SELLER.NOT_ELIGIBLE) before an account exists; see GET /v1/auth/signup/eligibility.' })
  @Omittable()
  @IsIn(SIGNUP_SELLER_TYPES)
  sellerType?: SellerType;

  @ApiPropertyOptional({ example: 'es.sl', description: "The legal form the seller will register (a code of the country's pack); refused when it is not eligible." })
  @Omittable()
  @IsString()
  @Matches(/^[a-z]{2}\.[a-z0-9_]{1,60}$/)
  legalForm?: string;
}

export class EligibilityQueryDto extends BaseQueryDto {
  @ApiProperty({ example: 'ES', description: 'Country of establishment, ISO 3166-1 alpha-2.' }) @Transform(upper) @IsString() @IsISO31661Alpha2() country: string;
  @ApiPropertyOptional({ enum: SIGNUP_SELLER_TYPES }) @IsOptional() @IsIn(SIGNUP_SELLER_TYPES) sellerType?: SellerType;
  @ApiPropertyOptional({ example: 'es.autonomo' }) @IsOptional() @IsString() @Matches(/^[a-z]{2}\.[a-z0-9_]{1,60}$/) legalForm?: string;
}

class EligibleLegalFormView {
  @ApiProperty({ example: 'es.sl' }) code: string;
  @ApiProperty({ example: 'Sociedad Limitada (S.L.)', description: "In the caller's language." }) label: string;
  @ApiProperty({ enum: SIGNUP_SELLER_TYPES }) sellerType: string;
  @ApiProperty() eligible: boolean;
}

class EligibilityReasonView {
  @ApiProperty({ example: 'ONLY_INCORPORATED_COMPANIES', description: "The pack's reason code (or NO_LEGAL_FORM_FOR_TYPE, UNKNOWN_LEGAL_FORM)." }) code: string;
  @ApiProperty({ description: "In the caller's language." }) message: string;
}

export class EligibilityView {
  @ApiProperty({ example: 'ES' }) country: string;
  @ApiProperty({ description: 'Whether a seller of this kind can register in the country at all.' }) eligible: boolean;
  @ApiProperty({ type: [EligibleLegalFormView], description: 'The legal forms of the asked seller type (all when none was asked).' }) legalForms: EligibleLegalFormView[];
  @ApiPropertyOptional({ type: EligibilityReasonView }) reason?: EligibilityReasonView;
}

export class DeleteAccountDto {
  @ApiProperty({ format: 'password', description: 'The account password, to confirm.' })
  @IsString()
  @MinLength(1)
  @MaxLength(PASSWORD_MAX)
  password: string;
}

export class SellerView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) accountId: string;
  @ApiProperty() email: string;
  @ApiProperty({ example: 'IT' }) country: string;
  @ApiProperty({ enum: SUPPORTED_LOCALES }) locale: Locale;
  @ApiProperty({ enum: ['onboarding', 'active', 'suspended'], description: '`active` once the seller can sell (verification approved and payouts enabled); `suspended` while an active seller cannot (a verification or payout item is open); `onboarding` before.' })
  status: SellerStatus;
  @ApiPropertyOptional({ description: "What the status means, in the caller's language (neutral: never why a review happens)." }) statusMessage?: string;
  @ApiProperty() createdAt: string;

  static of(s: SellerEntity & { account: { email: string; locale: Locale } }): SellerView {
    return Object.assign(new SellerView(), {
      id: s.id,
      accountId: s.accountId,
      email: s.account.email,
      country: s.country,
      locale: s.account.locale,
      status: s.status,
      createdAt: s.createdAt.toISOString(),
    });
  }
}

export class SignupView {
  @ApiProperty({ type: SellerView }) seller: SellerView;
  @ApiProperty({ type: TokenView, description: 'A session, so the new seller is signed in at once.' }) session: TokenView;
}

export class ListSellersQueryDto extends BaseQueryDto {
  @ApiPropertyOptional({ example: 'TR' }) @IsOptional() @Transform(upper) @IsISO31661Alpha2() country?: string;
  @ApiPropertyOptional({ default: 50 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit?: number;
  @ApiPropertyOptional({ default: 0, maximum: MAX_QUERY_OFFSET }) @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(MAX_QUERY_OFFSET) offset?: number;
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'Only sellers whose business profile a newer country pack flagged for re-verification (true), or only the others (false).' })
  @IsOptional()
  @IsIn(['true', 'false'])
  reverification?: 'true' | 'false';
}
