export * from './currencies';
export * from './target-calendar';
