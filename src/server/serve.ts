/**
 * Entry point of the probe service: configuration from the environment, then listen. Started by
 * `node build/server/serve.js` or `smtp-probe serve` (which imports this file).
 * See config.ts for every variable and its default.
 *
 * SIGTERM or SIGINT: /readyz turns 503, the listening socket closes (new connections are refused), idle
 * keep-alive connections are closed, and the probes already running finish and send their reports;
 * then the process exits 0. If they are not done within SHUTDOWN_TIMEOUT_MS it exits 1 anyway.
 */
import { buildApp } from './app';
import { ConfigError, loadConfig } from './config';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`Configuration error: ${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  const app = buildApp(config);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal, timeoutMs: config.shutdownTimeoutMs }, 'shutting down: no new connections, waiting for running probes');
    // A client that never hangs up, or a probe that never ends, does not keep the process alive.
    setTimeout(() => {
      app.log.warn({ timeoutMs: config.shutdownTimeoutMs }, 'shutdown timed out; exiting with requests still open');
      process.exit(1);
    }, config.shutdownTimeoutMs).unref();
    // A keep-alive connection whose probe has just answered would otherwise wait out its keep-alive
    // timeout before the process may exit.
    setInterval(() => app.server.closeIdleConnections(), 200).unref();
    app.close().then(
      () => {
        app.log.info('stopped');
        process.exit(0);
      },
      (error: unknown) => {
        app.log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  try {
    await app.listen({ host: config.host, port: config.port });
  } catch (error) {
    process.stderr.write(`Could not listen on ${config.host}:${config.port}: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}

void main();
