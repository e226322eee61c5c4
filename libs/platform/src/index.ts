export * from './app.module';
export * from './bootstrap';
export * from './configure-app';
export * from './key-rotation';
