import { INestApplication, INestApplicationContext, VersioningType } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { resolve } from 'node:path';
import { Logger } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { AppConfig, ConfigError, loadConfig } from '@app/kernel';
import { isDatabaseGone, startEmbeddedPostgres } from '@app/persistence';
import { AppModule, ProcessRole } from './app.module';
import type { OpenAPIObject } from '@nestjs/swagger';
import { configureApp, createOpenApiDocument } from './configure-app';

export interface Database {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

/** Config from the environment; a bad value ends the process with a message naming the variable. */
export function loadConfigOrExit(env: NodeJS.ProcessEnv = process.env): AppConfig {
  try {
    return loadConfig(env);
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`${e.message}\nSee the configuration table in README.md.\n`);
      process.exit(1);
    }
    throw e;
  }
}

/** DATABASE_URL when set; otherwise the embedded PostgreSQL (started, or attached to if another process of ours runs it). */
export async function openDatabase(config: AppConfig, log: (m: string) => void = (m) => process.stderr.write(`${m}\n`)): Promise<Database> {
  if (config.databaseUrl) return { url: config.databaseUrl, embedded: false, stop: async () => undefined };
  const db = await startEmbeddedPostgres({
    dataDir: resolve(process.cwd(), config.embeddedPg.dir),
    port: config.embeddedPg.port,
    database: config.embeddedPg.database,
    log,
  });
  return { url: db.url, embedded: true, stop: () => db.stop() };
}

export async function createApi(config: AppConfig, databaseUrl: string, logDestination?: DestinationStream): Promise<INestApplication> {
  const app = await NestFactory.create(AppModule.register({ config, databaseUrl, role: 'api', logDestination }), {
    rawBody: true,
    bufferLogs: true,
    abortOnError: false,
  });
  return configureApp(app, config);
}

/**
 * The OpenAPI document without a database: Nest's preview mode resolves the module graph (controllers,
 * routes, DTOs) without instantiating any provider, so nothing connects anywhere.
 */
export async function buildOpenApiDocument(config: AppConfig): Promise<OpenAPIObject> {
  const app = await NestFactory.create(AppModule.register({ config, databaseUrl: 'postgres://offline.invalid/none', role: 'api' }), {
    preview: true,
    logger: false,
    abortOnError: false,
  });
  app.enableVersioning({ type: VersioningType.URI, prefix: 'v' });
  try {
    return createOpenApiDocument(app);
  } finally {
    await app.close();
  }
}

export async function createContext(config: AppConfig, databaseUrl: string, role: Exclude<ProcessRole, 'api'>): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(AppModule.register({ config, databaseUrl, role }), {
    bufferLogs: true,
    abortOnError: false,
  });
  app.useLogger(app.get(Logger));
  return app;
}

/**
 * Graceful stop on SIGINT/SIGTERM/SIGHUP: close the app (HTTP server, jobs, pool), then the embedded
 * database. Started by `npm start`, it also stops when npm is killed and leaves it orphaned, so a
 * killed npm never leaves a server holding the port; started any other way (`node dist/…`, a
 * supervisor, `nohup … &`) the parent may come and go freely.
 */
export function handleShutdown(close: () => Promise<void>, db: Database, timeoutMs: number): void {
  let stopping = false;
  const stop = async (reason: string) => {
    if (stopping) return;
    stopping = true;
    process.stderr.write(`shutting down (${reason})\n`);
    // A Ctrl+C reaches the embedded PostgreSQL too, which then closes every connection while we
    // are still closing ours. A client whose owner already took its listeners off (pg-boss's LISTEN
    // connection does, on close) then raises the server's goodbye as an uncaught 'error'. While
    // stopping, that one is expected; anything else still ends the process as a crash.
    process.on('uncaughtException', (err: Error & { code?: string }) => {
      if (isDatabaseGone(err)) return;
      process.stderr.write(`uncaught exception while shutting down: ${err?.stack ?? String(err)}\n`);
      process.exit(1);
    });
    const force = setTimeout(() => {
      process.stderr.write(`shutdown did not finish within ${Math.round((timeoutMs + 5000) / 1000)} s; exiting\n`);
      process.exit(1);
    }, timeoutMs + 5000);
    force.unref();
    let code = 0;
    try {
      await close();
    } catch (e) {
      code = 1;
      process.stderr.write(`shutdown: ${e instanceof Error ? e.message : String(e)}\n`);
    } finally {
      await db.stop().catch(() => undefined);
      process.exit(code);
    }
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.once(signal, () => void stop(signal));
  const parent = process.ppid;
  if (process.env.npm_lifecycle_event && parent > 1) {
    setInterval(() => {
      if (process.ppid !== parent) void stop('npm exited');
    }, 1000).unref();
  }
}
