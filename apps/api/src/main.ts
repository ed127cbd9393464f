import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createApp } from './app.factory';
import { loadConfig } from './config';
import { prepareDatabase } from './database/prepare';
import { isWorker, startWorkers, stopWorkersOnSignal, workerCount } from './workers';

/** `npm start`: migrate, load the demo data into an empty database, serve the API and the H5 app (XJ_WORKERS processes). */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = new Logger('Xianjie');
  const workers = workerCount(process.env, config.database);
  if (!isWorker()) await prepareDatabase(config, { seedDemo: config.seedDemo, log: (m) => logger.log(m) });
  if (workers > 1 && !isWorker()) {
    stopWorkersOnSignal();
    await startWorkers(workers, __filename, (m) => logger.warn(m));
  } else {
    const app = await createApp(config, { docs: config.apiDocs });
    await app.listen({ port: config.port, host: '0.0.0.0' });
    if (isWorker()) return;
  }
  logger.log(`衔接 is up: ${config.publicUrl}/ (API ${config.publicUrl}/api/v1${config.apiDocs ? `, docs ${config.publicUrl}/api/docs` : ''}), database: ${config.database.type}${workers > 1 ? `, ${workers} worker processes` : ''}`);
  if (!config.h5Dir) logger.warn('H5 app not served (XJ_H5_DIR=none)');
}

main().catch((err) => {
  // eslint-disable-next-line no-console
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
