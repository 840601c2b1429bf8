import type { z } from 'zod';
import type { Locale, WorkspaceInfo, firstRunChoice } from '../contract/system';
import { RapportError } from '../errors';
import { loadSampleData } from '../people/sample-data';
import { localizeDefaultPipeline } from '../sales/default-pipeline';
import { loadSampleSales } from '../sales/sample-sales';
import { loadSampleWork } from '../work/sample-work';
import { write } from '../write/transaction';
import { readSetting } from '../workspace/settings';
import { users } from './schema';
import { workspaceInfo, type OpenedStore } from './workspace-info';

/**
 * The first-run choices, in one transaction: the workspace's language and currency, the owner's
 * name, the default pipeline in that language, and (if asked) sample data in it too. Changing the
 * interface language later changes the interface only; what was created here stays as it is.
 */
export function completeFirstRun(store: OpenedStore, input: z.output<typeof firstRunChoice>): WorkspaceInfo {
  write(store, (writer) => {
    if (readSetting(writer.reads, 'initialized') === '1') {
      throw new RapportError('VALIDATION', 'This workspace is already set up.', { issues: [{ path: '', message: 'This workspace is already set up.' }] });
    }
    const locale: Locale = input.locale ?? ((readSetting(writer.reads, 'locale') ?? 'en') as Locale);
    const currency = input.currency ?? readSetting(writer.reads, 'currency') ?? 'USD';
    writer.setSettings({ locale, currency, initialized: '1' });
    const owner = writer.read(users, store.userId);
    if (owner && input.ownerName) writer.update(users, owner.id, owner.version, { name: input.ownerName });
    localizeDefaultPipeline(writer, locale);
    if (input.sampleData) {
      const people = loadSampleData(writer, locale);
      const { dealIds } = loadSampleSales(writer, people, { currency, locale });
      loadSampleWork(writer, { contactIds: people.contactIds, dealIds }, locale);
    }
  });
  return workspaceInfo(store);
}
