import type { ProductStatus } from './product.entity';

/** The product lifecycle as a declared table: from → the statuses it may move to. */
export const PRODUCT_TRANSITIONS: Readonly<Record<ProductStatus, readonly ProductStatus[]>> = {
  draft: ['active', 'archived'],
  active: ['draft', 'archived'],
  archived: ['draft'],
};

export const canMove = (from: ProductStatus, to: ProductStatus): boolean => from === to || PRODUCT_TRANSITIONS[from].includes(to);
