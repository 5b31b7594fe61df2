import 'reflect-metadata';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DataSource } from 'typeorm';
import { loadConfig } from '../config/app-config';
import { openDatabase } from './database-connection';
import { buildDataSourceOptions } from './data-source-options';

const USAGE = 'usage: migration-cli run | revert | show | generate <PascalCaseName>';
const MIGRATIONS_DIR = path.resolve(__dirname, '../../../migrations');

function migrationSource(className: string, up: string[], down: string[]): string {
  const lines = (queries: string[]) =>
    queries.map((query) => `    await queryRunner.query(${JSON.stringify(query)});`).join('\n');
  return `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  public async up(queryRunner: QueryRunner): Promise<void> {
${lines(up)}
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
${lines(down)}
  }
}
`;
}

/** migrations/index.ts lists every `<timestamp>-<Name>.ts` file in timestamp order. */
function writeMigrationIndex(): void {
  const files = fs
    .readdirSync(MIGRATIONS_DIR)
    .map((file) => /^(\d+)-([A-Za-z0-9]+)\.ts$/.exec(file))
    .filter((match): match is RegExpExecArray => match !== null)
    .sort((a, b) => Number(a[1]) - Number(b[1]));
  const classes = files.map(([, timestamp, name]) => `${name}${timestamp}`);
  const imports = files
    .map(
      ([file, timestamp, name]) =>
        `import { ${name}${timestamp} } from './${file.replace(/\.ts$/, '')}';`,
    )
    .join('\n');
  fs.writeFileSync(
    path.join(MIGRATIONS_DIR, 'index.ts'),
    `import type { MigrationInterface } from 'typeorm';\n${imports}\n\n` +
      `/** Applied in this order; append new migrations, never edit landed ones. */\n` +
      `export const MIGRATIONS: (new () => MigrationInterface)[] = [\n${classes.map((c) => `  ${c},\n`).join('')}];\n`,
  );
}

/** Writes the schema difference between the entities and the database as a new migration. */
async function generate(dataSource: DataSource, name: string): Promise<void> {
  if (!/^[A-Z][A-Za-z0-9]+$/.test(name)) throw new Error(USAGE);
  const sql = await dataSource.driver.createSchemaBuilder().log();
  if (sql.upQueries.length === 0) {
    console.log('No changes: the entities match the migrated schema.');
    return;
  }
  const timestamp = Date.now();
  const className = `${name}${timestamp}`;
  const fileBase = `${timestamp}-${name}`;
  const up = sql.upQueries.map((query) => query.query);
  const down = sql.downQueries.map((query) => query.query).reverse();
  fs.writeFileSync(
    path.join(MIGRATIONS_DIR, `${fileBase}.ts`),
    migrationSource(className, up, down),
  );
  writeMigrationIndex();
  console.log(
    `Wrote migrations/${fileBase}.ts (${up.length} statements); review it before committing.`,
  );
}

async function main(): Promise<void> {
  const [command, name] = process.argv.slice(2);
  if (!command || !['run', 'revert', 'show', 'generate'].includes(command)) throw new Error(USAGE);
  const config = loadConfig();
  const database = await openDatabase(config);
  const dataSource = new DataSource(buildDataSourceOptions(database.url));
  try {
    await dataSource.initialize();
    if (command === 'run') {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      console.log(
        applied.length
          ? applied.map((m) => `applied ${m.name}`).join('\n')
          : 'Schema is up to date.',
      );
    } else if (command === 'revert') {
      await dataSource.undoLastMigration({ transaction: 'each' });
      console.log('Reverted the last migration.');
    } else if (command === 'show') {
      console.log(
        (await dataSource.showMigrations()) ? 'Pending migrations exist.' : 'Schema is up to date.',
      );
    } else {
      await generate(dataSource, name ?? '');
    }
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await database.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
