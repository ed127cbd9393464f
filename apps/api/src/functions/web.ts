import { createApp } from '../app.factory';
import { startWithoutOptimizer } from './optimizer';
import { functionConfig } from './runtime';

/**
 * The web-function server, started by `scf_bootstrap`: the same app as the event function, as a
 * plain HTTP server on port 9000 (the port SCF web functions must listen on) and all interfaces.
 */
async function main(): Promise<void> {
  const config = functionConfig(process.env, { port: 9000 });
  // failFast: a database that cannot be reached fails the start at once (the platform reports it),
  // not after 27 s of retries.
  const app = await startWithoutOptimizer(() => createApp(config, { logger: ['error', 'warn'], failFast: true }));
  await app.listen({ port: config.port, host: '0.0.0.0' });
  console.log(`xianjie web function listening on :${config.port} (database: ${config.database.type})`);
  const stop = () => {
    app.close().finally(() => process.exit(0));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
