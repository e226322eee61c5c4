import { ApiProperty } from '@nestjs/swagger';
import type { ProductImageEntity } from './product-image.entity';

export class ImageAltView {
  @ApiProperty({ example: 'it', description: 'BCP 47 content locale' }) locale: string;
  @ApiProperty({ example: 'Abito blu in cotone, taglia XL' }) text: string;
}

export class ProductImageView {
  @ApiProperty() id: string;
  @ApiProperty({ example: 1, description: '1 = the main image' }) position: number;
  @ApiProperty({ enum: ['image/jpeg', 'image/png', 'image/webp'], description: 'Judged by the bytes' }) mediaType: string;
  @ApiProperty({ example: 48213, description: 'Bytes' }) size: number;
  @ApiProperty({ description: 'SHA-256 (hex) of the bytes' }) sha256: string;
  @ApiProperty({ type: [ImageAltView], description: 'Alt text per content locale, by locale' }) alt: ImageAltView[];
  @ApiProperty({ example: '/v1/sellers/me/products/…/images/…', description: 'Where the owner fetches the bytes' }) url: string;
  @ApiProperty() createdAt: string;
}

export const imageUrl = (img: Pick<ProductImageEntity, 'productId' | 'id'>) => `/v1/sellers/me/products/${img.productId}/images/${img.id}`;

export function imageView(img: ProductImageEntity): ProductImageView {
  return {
    id: img.id,
    position: img.position,
    mediaType: img.mediaType,
    size: img.size,
    sha256: img.sha256,
    alt: Object.keys(img.alt)
      .sort()
      .map((locale) => ({ locale, text: img.alt[locale] })),
    url: imageUrl(img),
    createdAt: img.createdAt.toISOString(),
  };
}
