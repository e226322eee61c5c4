import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsEmail, IsIn, IsInt, IsISO31661Alpha2, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import { PASSWORD_MAX, PASSWORD_MIN, TokenView } from '@app/accounts';
import { BaseQueryDto, MAX_QUERY_OFFSET, registerFieldLabels, SUPPORTED_LOCALES } from '@app/kernel';
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
}

export class SellerView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) accountId: string;
  @ApiProperty() email: string;
  @ApiProperty({ example: 'IT' }) country: string;
  @ApiProperty({ enum: SUPPORTED_LOCALES }) locale: Locale;
  @ApiProperty({ enum: ['onboarding', 'active', 'suspended'] }) status: SellerStatus;
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

// how the sign-up fields are named in messages (see registerFieldLabels)
registerFieldLabels({
  email: { en: 'Email address', ru: 'Адрес электронной почты', tr: 'E-posta adresi', it: 'Indirizzo e-mail', es: 'Correo electrónico' },
  password: { en: 'Password', ru: 'Пароль', tr: 'Parola', it: 'Password', es: 'Contraseña' },
  country: { en: 'Country', ru: 'Страна', tr: 'Ülke', it: 'Paese', es: 'País' },
  locale: { en: 'Language', ru: 'Язык', tr: 'Dil', it: 'Lingua', es: 'Idioma' },
});
