import type { ActivityChannel } from '../contract/work';
import { pick, seededRandom } from '../people/sample-names';
import type { RecordWriter } from '../write/record-writer';
import { activities, tasks } from './schema';

const SUBJECTS: Record<ActivityChannel, string[]> = {
  call: ['Follow-up call', '电话回访', 'Asked about delivery dates'],
  email: ['Sent the price list', '发送报价单', 'Order confirmation'],
  sms: ['Pickup reminder', '到店提醒'],
  meeting: ['Tasting meeting', '门店洽谈'],
  visit: ['Visited the shop', '上门拜访'],
  fax: ['Signed order form'],
  web: ['Filled in the contact form'],
  note: ['Prefers afternoon deliveries', '注意客户偏好'],
};
const CHANNELS = Object.keys(SUBJECTS) as ActivityChannel[];

/** Touchpoints over the last months and a handful of tasks (one repeating), for the sample people. */
export function loadSampleWork(writer: RecordWriter, links: { contactIds: number[]; dealIds: number[] }): void {
  const random = seededRandom(4242);
  const day = 86_400_000;
  for (let index = 0; index < 400; index++) {
    const channel = pick(random, CHANNELS);
    writer.insert(activities, {
      channel,
      direction: channel === 'note' ? null : random() < 0.5 ? 'inbound' : 'outbound',
      subject: pick(random, SUBJECTS[channel]),
      body: null,
      outcome: null,
      durationMinutes: channel === 'call' || channel === 'meeting' ? 5 + Math.floor(random() * 40) : null,
      occurredAt: writer.now - Math.floor(random() * 120 * day),
      contactId: pick(random, links.contactIds),
      companyId: null,
      dealId: random() < 0.2 ? pick(random, links.dealIds) : null,
    });
  }
  const startOfToday = new Date(writer.now).setHours(0, 0, 0, 0);
  const titles = ['Call back about the quote', '确认发货时间', 'Send the catalogue', '续约提醒', 'Visit the new branch', 'Chase unpaid invoice'];
  titles.forEach((title, index) => {
    const due = startOfToday + (index - 2) * day + 10 * 3600_000;
    writer.insert(tasks, {
      title,
      dueAt: due,
      remindAt: null,
      assigneeId: writer.workspace.userId || null,
      priority: index === 5 ? 'high' : 'normal',
      recurrenceEvery: index === 3 ? 1 : null,
      recurrenceUnit: index === 3 ? 'month' : null,
      contactId: pick(random, links.contactIds),
    });
  });
}
