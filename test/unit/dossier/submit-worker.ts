/**
 * Not a test: a child process for concurrency.test.ts. Opens the database in argv[2] on its own
 * connection and submits argv[3] dossiers as fast as it can, printing each code on a line.
 */
import { formOnlyProcedure, harness } from './fixtures';

const [dataDir, countText] = process.argv.slice(2);
const h = harness(dataDir!);
for (let i = 0; i < Number(countText); i++) {
  const { id } = h.dossiers.create(formOnlyProcedure.id);
  h.dossiers.update({ id, data: { nguoiYeuCau: { fullName: `Người ${process.pid}-${i}` } } });
  process.stdout.write(`${h.dossiers.submit(id).code}\n`);
}
h.close();
