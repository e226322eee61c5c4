export * from './pipeline';
export * from './rounding';
export * from './format';
export { PriceDecimal } from './decimal';
export * from './omnibus';
