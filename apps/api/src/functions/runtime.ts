import { AppConfig, ConfigError, loadConfig } from '../config';

/**
 * The configuration a cloud function runs with: the same `loadConfig` as `npm start`, read from
 * the function's environment, with what a function differs in fixed here:
 *  - always production rules: XJ_TOKEN_SECRET must be set (every container signs with the same
 *    secret; a generated one would differ per container and could not be written anyway — only
 *    /tmp is writable on SCF);
 *  - DATABASE_URL must be given: the default SQLite file lives in the repository, which a bundle
 *    does not have. TencentDB PostgreSQL or MySQL in production; an absolute `sqlite:/…` path for
 *    local runs and tests;
 *  - no H5 app and no docs: the mini program talks to the API only.
 */
export function functionConfig(env: NodeJS.ProcessEnv, defaults: { port?: number } = {}): AppConfig {
  if (!env.DATABASE_URL) {
    throw new ConfigError('DATABASE_URL is required in a cloud function (postgres://… or mysql://… for TencentDB)');
  }
  const raw = env.DATABASE_URL.startsWith('sqlite:') ? env.DATABASE_URL.slice('sqlite:'.length).replace(/^\/\//, '') : null;
  if (raw !== null && raw !== ':memory:' && !raw.startsWith('/')) {
    throw new ConfigError('DATABASE_URL: in a cloud function a SQLite path must be absolute, e.g. sqlite:/tmp/xianjie.db');
  }
  return loadConfig({
    ...env,
    NODE_ENV: 'production',
    XJ_H5_DIR: 'none',
    PORT: env.PORT || (defaults.port ? String(defaults.port) : undefined),
  });
}
