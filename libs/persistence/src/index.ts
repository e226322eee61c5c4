export * from './embedded-postgres';
export * from './persistence.module';
export * from './unit-of-work';
export * from './typeorm-logger';
export { MIGRATIONS } from './migrations';
export * from './group-commit';
export * from './encrypted-column-rotation';
export * from './versioned-documents';
export * from './copy';
