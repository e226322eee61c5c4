import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Res, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiErrors, CommonErrorCode, Consumes, Ctx, Role, Roles, uploadErrorsInterceptor } from '@app/kernel';
import type { RequestContext } from '@app/kernel';
import { SellerErrorCode } from '@app/sellers';
import { catalogError, CatalogErrorCode } from '../errors';
import { UpdateImageDto } from './dto';
import { ImagesService } from './images.service';
import type { UploadedImage } from './images.service';
import { ProductImageView } from './views';

/** The largest CATALOG_IMAGE_MAX_BYTES may be; multer's own cap (the configured limit is checked on the declared length and the bytes). */
const MULTER_IMAGE_CAP = 50 * 1024 * 1024;

/** Product image uploads: the kernel's upload edge with the catalog's codes; the limit is CATALOG_IMAGE_MAX_BYTES. */
export const ImageUploadErrorsInterceptor = uploadErrorsInterceptor(
  {
    tooLarge: (limit) => catalogError(CatalogErrorCode.IMAGE_TOO_LARGE, { limit }),
    rejected: (problem, field) => catalogError(CatalogErrorCode.IMAGE_UPLOAD_REJECTED, {}, [{ field, code: problem, messageKey: `catalog.upload.${problem}`, params: { field } }]),
  },
  (config) => config.catalog.imageMaxBytes,
);

const binary = { schema: { type: 'string', format: 'binary' } };

@ApiTags('catalog')
@Controller({ path: 'sellers/me/products/:id/images', version: '1' })
@Roles(Role.SELLER)
export class ProductImagesController {
  constructor(private readonly images: ImagesService) {}

  @Post()
  @Consumes('multipart/form-data')
  @UseInterceptors(ImageUploadErrorsInterceptor, FileInterceptor('file', { limits: { fileSize: MULTER_IMAGE_CAP, files: 1, fields: 0 } }))
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary', description: 'JPEG, PNG or WebP (judged by its bytes)' } } } })
  @ApiOperation({ summary: 'Add an image to the product (JPEG, PNG or WebP, judged by its bytes); it goes last' })
  @ApiCreatedResponse({ type: ProductImageView })
  @ApiErrors(
    CatalogErrorCode.PRODUCT_NOT_FOUND,
    CatalogErrorCode.IMAGE_FILE_MISSING,
    CatalogErrorCode.IMAGE_TOO_LARGE,
    CatalogErrorCode.IMAGE_TYPE_NOT_ALLOWED,
    CatalogErrorCode.IMAGE_LIMIT_REACHED,
    CatalogErrorCode.IMAGE_UPLOAD_REJECTED,
    SellerErrorCode.SELLER_NOT_FOUND,
  )
  upload(@Ctx() ctx: RequestContext, @Param('id') id: string, @UploadedFile() file?: UploadedImage): Promise<ProductImageView> {
    return this.images.upload(ctx, id, file);
  }

  @Get()
  @ApiOperation({ summary: "The product's images in order (1 = main image), with alt texts per locale" })
  @ApiOkResponse({ type: [ProductImageView] })
  @ApiErrors(CatalogErrorCode.PRODUCT_NOT_FOUND, SellerErrorCode.SELLER_NOT_FOUND)
  list(@Ctx() ctx: RequestContext, @Param('id') id: string): Promise<ProductImageView[]> {
    return this.images.list(ctx, id);
  }

  @Get(':imageId')
  @ApiOperation({ summary: 'The image bytes, with their media type (owner only)' })
  @ApiOkResponse({ description: 'The image as uploaded (Content-Type from its bytes; nosniff; private cache).', content: { 'image/jpeg': binary, 'image/png': binary, 'image/webp': binary } })
  @ApiErrors(CatalogErrorCode.PRODUCT_NOT_FOUND, CatalogErrorCode.IMAGE_NOT_FOUND, SellerErrorCode.SELLER_NOT_FOUND)
  async content(@Ctx() ctx: RequestContext, @Param('id') id: string, @Param('imageId') imageId: string, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    const { image, bytes } = await this.images.content(ctx, id, imageId);
    res.setHeader('Content-Type', image.mediaType);
    res.setHeader('Content-Disposition', `inline; filename="${image.id}.${image.mediaType.slice('image/'.length).replace('jpeg', 'jpg')}"`);
    res.setHeader('Cache-Control', 'private, no-cache');
    res.setHeader('ETag', `"${image.sha256}"`);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    return new StreamableFile(bytes);
  }

  @Put(':imageId')
  @ApiOperation({ summary: "Move an image (position) and/or replace its alt texts; answers the product's images in their new order" })
  @ApiOkResponse({ type: [ProductImageView] })
  @ApiErrors(CommonErrorCode.VALIDATION_FAILED, CatalogErrorCode.PRODUCT_NOT_FOUND, CatalogErrorCode.IMAGE_NOT_FOUND, CatalogErrorCode.IMAGE_INVALID, SellerErrorCode.SELLER_NOT_FOUND)
  update(@Ctx() ctx: RequestContext, @Param('id') id: string, @Param('imageId') imageId: string, @Body() body: UpdateImageDto): Promise<ProductImageView[]> {
    return this.images.update(ctx, id, imageId, body);
  }

  @Delete(':imageId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete an image (the file is removed once the deletion is committed); the others close the gap' })
  @ApiNoContentResponse()
  @ApiErrors(CatalogErrorCode.PRODUCT_NOT_FOUND, CatalogErrorCode.IMAGE_NOT_FOUND, SellerErrorCode.SELLER_NOT_FOUND)
  async remove(@Ctx() ctx: RequestContext, @Param('id') id: string, @Param('imageId') imageId: string): Promise<void> {
    await this.images.remove(ctx, id, imageId);
  }
}
