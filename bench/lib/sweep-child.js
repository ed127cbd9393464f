// One sweep run in a process of its own, so its peak RSS is the sweep's alone: prints one JSON line.
// Usage: node sweep-child.js <DATABASE_URL> <now ISO>
const { api } = require('./databases');

async function main() {
  const [url, now] = process.argv.slice(2);
  const { parseDatabaseUrl } = api('config.js');
  const { createDataSource } = api('database/data-source.js');
  const { Database } = api('database/database.service.js');
  const { runSweep } = api('jobs/sweep.js');
  const ds = createDataSource(parseDatabaseUrl(url));
  await ds.initialize();
  const rssBefore = process.memoryUsage().rss;
  const t0 = process.hrtime.bigint();
  const report = await runSweep(new Database(ds), new Date(now));
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  await ds.destroy();
  // maxRSS is in kilobytes: the process's high-water mark, start-up included.
  console.log(JSON.stringify({ ms, report, rssBeforeMb: rssBefore / 2 ** 20, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
}

main().catch((e) => {
  console.error(e instanceof Error ? e.stack : e);
  process.exit(1);
});
