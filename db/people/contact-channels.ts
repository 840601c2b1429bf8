import { defineChildRows } from '../write/child-rows';
import { phoneDigits } from '../search/text';
import { contactChannels } from './schema';

export type ChannelKind = (typeof contactChannels.kind.enumValues)[number];
type Channel = Pick<typeof contactChannels.$inferSelect, 'label' | 'value'>;

/** A contact's emails and phones: two ordered groups of one table, shown in the audit as their values. */
const CHANNEL_ROWS = {
  email: defineChildRows({
    table: contactChannels,
    parent: 'contactId',
    field: 'emails',
    scope: { kind: 'email' },
    position: 'position',
    describe: (rows) => rows.map((row) => row.value),
  }),
  phone: defineChildRows({
    table: contactChannels,
    parent: 'contactId',
    field: 'phones',
    scope: { kind: 'phone' },
    position: 'position',
    describe: (rows) => rows.map((row) => row.value),
  }),
};

export function normalizeChannel(kind: ChannelKind, value: string): string {
  return kind === 'email' ? value.trim().toLowerCase() : phoneDigits(value);
}

/** Sets a contact's emails or phones to `entries` (with `insert`/`update`'s `children`). */
export function channelsReplacement(kind: ChannelKind, entries: Channel[]) {
  return CHANNEL_ROWS[kind].replace(entries.map(({ label, value }) => ({ label, value, normalized: normalizeChannel(kind, value) })));
}
