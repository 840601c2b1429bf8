/**
 * A colleague on another process: opens the same database file through the core (its own
 * connection, its own client id) and renames one contact through the API's write path.
 * `tsx e2e/support/colleague.ts FILE CONTACT_ID NEW_NAME`; prints "renamed" when committed.
 */
import { openCore } from '../../db/api/core';
import { appRouter } from '../../db/api/router';

const [file, contactId, name] = process.argv.slice(2);

async function main() {
  if (!file || !contactId || !name) throw new Error('usage: colleague FILE CONTACT_ID NEW_NAME');
  const core = openCore(file, { probeLocks: false });
  try {
    const api = appRouter.createCaller(core.context());
    const contact = await api.people.contacts.get({ id: Number(contactId) });
    await api.people.contacts.update({ id: contact.id, version: contact.version, patch: { name } });
    process.stdout.write('renamed\n');
  } finally {
    core.close();
  }
}

main().catch((error) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
