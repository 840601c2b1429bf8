import type { Locale } from '../contract/system';
import type { ActivityChannel } from '../contract/work';
import { pick, seededRandom } from '../people/sample-names';
import type { RecordWriter } from '../write/record-writer';
import { activities, tasks } from './schema';

const SUBJECTS: Record<Locale, Record<ActivityChannel, string[]>> = {
  en: {
    call: ['Follow-up call', 'Asked about delivery dates', 'Called about the new range'],
    email: ['Sent the price list', 'Sent the quote', 'Order confirmation'],
    sms: ['Pickup reminder', 'Shop visit reminder'],
    meeting: ['Tasting meeting', 'Met in the shop'],
    visit: ['Visited the shop', 'Visited the customer'],
    fax: ['Signed order form'],
    web: ['Filled in the contact form'],
    note: ['Prefers afternoon deliveries', 'Mind the customer’s preferences'],
  },
  'zh-CN': {
    call: ['电话回访', '询问交货日期', '介绍新品'],
    email: ['发送价目表', '发送报价单', '订单确认'],
    sms: ['取货提醒', '到店提醒'],
    meeting: ['品茶洽谈', '门店洽谈'],
    visit: ['来店参观', '上门拜访'],
    fax: ['已签订单'],
    web: ['在线填写了咨询表'],
    note: ['喜欢下午送货', '注意客户偏好'],
  },
};
const TASK_TITLES: Record<Locale, string[]> = {
  en: ['Call back about the quote', 'Confirm the delivery time', 'Send the catalogue', 'Renewal reminder', 'Visit the new branch', 'Chase unpaid invoice'],
  'zh-CN': ['回电沟通报价', '确认发货时间', '寄送产品目录', '续约提醒', '拜访新门店', '催收未付款'],
};
const CHANNELS = Object.keys(SUBJECTS.en) as ActivityChannel[];

/** Touchpoints over the last months and a handful of tasks (one repeating), for the sample people. */
export function loadSampleWork(writer: RecordWriter, links: { contactIds: number[]; dealIds: number[] }, locale: Locale): void {
  const random = seededRandom(4242);
  const day = 86_400_000;
  for (let index = 0; index < 400; index++) {
    const channel = pick(random, CHANNELS);
    writer.insert(activities, {
      channel,
      direction: channel === 'note' ? null : random() < 0.5 ? 'inbound' : 'outbound',
      subject: pick(random, SUBJECTS[locale][channel]),
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
  TASK_TITLES[locale].forEach((title, index) => {
    const due = startOfToday + (index - 2) * day + 10 * 3600_000;
    writer.insert(tasks, {
      title,
      dueAt: due,
      remindAt: null,
      assigneeId: writer.userId,
      priority: index === 5 ? 'high' : 'normal',
      recurrenceEvery: index === 3 ? 1 : null,
      recurrenceUnit: index === 3 ? 'month' : null,
      contactId: pick(random, links.contactIds),
    });
  });
}
