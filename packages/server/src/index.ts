// Public surface of @flowform/server: build the app, start a server, configure it.
export { type AppOptions, createApp } from './app';
export { loadConfig, type ServerConfig, type WebhookTarget } from './config/server-config';
export { serverMigrations } from './database/server-migrations';
export { type RunningServer, type StartOptions, startServer } from './server';
