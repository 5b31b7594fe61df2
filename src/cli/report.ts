import { finish, progress, withApplicationContext } from './cli-context';
import { parseReportCommand } from './report-command';
import { runReportCommand } from './report-runner';

/** `npm run report -- annual --department DEMO --fy 2025-26 --format pdf,xlsx` */
async function main(): Promise<void> {
  const command = parseReportCommand(process.argv.slice(2));
  const bar = progress(`report ${command.kind}`);
  const written = await withApplicationContext((app, config) =>
    runReportCommand(app, config.reportsDir, command, (step, done, total) =>
      bar.update(done, total, step),
    ),
  );
  bar.end();
  for (const file of written) {
    process.stdout.write(`${file.path}  ${file.bytes} bytes  sha256 ${file.sha256}\n`);
  }
}

finish(main(), 'report');
