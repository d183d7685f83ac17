// Child process for the durability test: inserts candidates one at a time into the database in
// argv[2] and prints each id once RxDB has acknowledged its insert, until it is killed.
import { makeCandidate, openDatabase } from './sqlite-storage.fixtures.js';

const databaseDir = process.argv[2];
const name = process.argv[3];
if (!databaseDir || !name) throw new Error('usage: sqlite-storage.crash-writer.ts <databaseDir> <name>');

const db = await openDatabase(databaseDir, { name });
process.stdout.write('ready\n');
for (let n = 0; ; n++) {
  const doc = await db.candidates.insert(makeCandidate(n));
  process.stdout.write(`${doc.id}\n`);
}
