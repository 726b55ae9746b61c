// Writes committed rows to a PGlite data directory and prints each id after its commit returns,
// until killed. argv: <dataDir>
import { sql } from 'kysely';
import { openDatabase } from '../database/open-database';

const [dataDir] = process.argv.slice(2);
const open = await openDatabase({ dataDir: dataDir! });
await sql`create table if not exists durability_probe (id int primary key, payload text not null)`.execute(
  open.db,
);
for (let id = 1; ; id++) {
  await open.db.transaction().execute(async (trx) => {
    await sql`insert into durability_probe values (${id}, ${'x'.repeat(200)})`.execute(trx);
  });
  process.stdout.write(`${id}\n`);
}
