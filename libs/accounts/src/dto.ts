import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsEmail, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import { BaseQueryDto, MAX_QUERY_OFFSET, Role, SUPPORTED_LOCALES } from '@app/kernel';
import type { Locale } from '@app/kernel';
import type { IssuedToken } from './access-tokens';
import type { AccountEntity } from './entities/account.entity';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 128;

export class LoginDto {
  @ApiProperty({ example: 'seller@example.com' })
  @Transform(trim)
  @IsEmail()
  @MaxLength(254)
  email: string;

  @ApiProperty({ example: 'correct horse battery staple', format: 'password' })
  @IsString()
  @MaxLength(PASSWORD_MAX)
  password: string;
}

export class TokenView implements IssuedToken {
  @ApiProperty({ example: 'ltg_at_3q2+7w…' }) accessToken: string;
  @ApiProperty({ example: 'Bearer' }) tokenType: 'Bearer';
  @ApiProperty({ example: 43200, description: 'Seconds until expiry.' }) expiresIn: number;
  @ApiProperty({ example: '2026-11-24T10:00:00.000Z' }) expiresAt: string;
}

/** Who the bearer token belongs to: what a client needs to pick its menus and language. */
export class MeView {
  @ApiProperty({ format: 'uuid' }) accountId: string;
  @ApiProperty({ example: 'seller@example.com' }) email: string;
  @ApiProperty({ enum: Role }) role: Role;
  @ApiProperty({ enum: SUPPORTED_LOCALES, example: 'tr', description: 'The account\'s preferred language' }) locale: Locale;

  static of(a: AccountEntity): MeView {
    return { accountId: a.id, email: a.email, role: a.role, locale: a.locale };
  }
}

export class CreateOpsAccountDto {
  @ApiProperty({ example: 'reviewer@ops.example.com' })
  @Transform(trim)
  @IsEmail()
  @MaxLength(254)
  email: string;

  @ApiProperty({ minLength: PASSWORD_MIN, maxLength: PASSWORD_MAX, format: 'password' })
  @IsString()
  @MinLength(PASSWORD_MIN)
  @MaxLength(PASSWORD_MAX)
  password: string;

  @ApiProperty({ enum: [Role.OPS_REVIEWER, Role.OPS_ADMIN] })
  @IsIn([Role.OPS_REVIEWER, Role.OPS_ADMIN])
  role: Role;

  @ApiPropertyOptional({ enum: SUPPORTED_LOCALES, default: 'en' })
  @IsOptional()
  @IsIn(SUPPORTED_LOCALES)
  locale?: Locale;
}

export class ListAccountsQueryDto extends BaseQueryDto {
  @ApiPropertyOptional({ enum: Role }) @IsOptional() @IsIn(Object.values(Role)) role?: Role;
  @ApiPropertyOptional({ default: 50 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit?: number;
  @ApiPropertyOptional({ default: 0, maximum: MAX_QUERY_OFFSET }) @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(MAX_QUERY_OFFSET) offset?: number;
}

export class AccountView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() email: string;
  @ApiProperty({ enum: Role }) role: Role;
  @ApiProperty({ enum: SUPPORTED_LOCALES }) locale: Locale;
  @ApiProperty({ enum: ['active', 'disabled'] }) status: string;
  @ApiProperty() createdAt: string;

  static of(a: AccountEntity): AccountView {
    return Object.assign(new AccountView(), {
      id: a.id,
      email: a.email,
      role: a.role,
      locale: a.locale,
      status: a.status,
      createdAt: a.createdAt.toISOString(),
    });
  }
}
