import type { ACTIVITY_DIRECTIONS, ActivityChannel } from '../../../../../db/contract/work';

type Direction = (typeof ACTIVITY_DIRECTIONS)[number];

/**
 * The i18n key for a touchpoint's direction in words that fit its channel: a call is incoming or
 * outgoing (呼入/呼出), a visit or meeting came to us or went out (来访/外访), and a message (email,
 * SMS, fax, web form, note) was received or sent (收到/发出).
 */
export function directionLabelKey(channel: ActivityChannel | null | undefined, direction: Direction): string {
  const group = channel === 'call' ? 'call' : channel === 'visit' || channel === 'meeting' ? 'visit' : 'message';
  return `activity.directionsByChannel.${group}.${direction}`;
}
