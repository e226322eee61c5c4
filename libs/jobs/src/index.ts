export * from './job-handler';
export * from './jobs.module';
