import { describe, expect, it } from 'vitest';
import { appRouter } from '../api/router';
import { openCore } from '../api/core';
import { rapportError, tempCore } from '../test-support/temp-workspace';
import { nextOccurrence } from './recurrence';

describe('activities and timelines', () => {
  it('logs touchpoints on every channel and shows a record’s story newest first, filterable by channel', async () => {
    const { api } = tempCore();
    const contact = await api.people.contacts.create({ name: '李娜' });
    const [pipeline] = await api.sales.pipelines.list();
    const deal = await api.sales.deals.create({ title: 'Catering', contactId: contact.id, currency: 'CNY', stageId: pipeline!.stages[0]!.id });
    const call = await api.work.activities.create({ channel: 'call', direction: 'outbound', subject: 'Intro call', outcome: 'interested', durationMinutes: 12, occurredAt: 1_000, contactId: contact.id });
    expect(call).toMatchObject({ channel: 'call', contactName: '李娜', userName: 'Owner', version: 1 });
    await api.work.activities.create({ channel: 'visit', subject: 'Shop visit', occurredAt: 3_000, contactId: contact.id, dealId: deal.id });
    await api.people.notes.create({ target: { kind: 'contact', id: contact.id }, body: 'Prefers WeChat' });
    await api.sales.deals.move({ id: deal.id, version: deal.version, stageId: pipeline!.stages[2]!.id });

    const timeline = await api.work.timeline({ target: { kind: 'contact', id: contact.id } });
    expect(timeline.rows.map((entry) => [entry.type, entry.title])).toEqual([
      ['deal_stage', 'Proposal'],
      ['note', 'Prefers WeChat'],
      ['deal_stage', 'Lead'],
      ['activity', 'Shop visit'],
      ['activity', 'Intro call'],
    ]);
    expect(timeline.rows[3]!.link).toMatchObject({ kind: 'deal', id: deal.id, label: 'Catering' });
    const calls = await api.work.timeline({ target: { kind: 'contact', id: contact.id }, channels: ['call'] });
    expect(calls.rows.map((entry) => entry.title)).toEqual(['Intro call']);
    const dealTimeline = await api.work.timeline({ target: { kind: 'deal', id: deal.id } });
    expect(dealTimeline.rows.map((entry) => entry.title)).toEqual(['Proposal', 'Lead', 'Shop visit']);
    // The lost reason belongs to the move into the lost stage only.
    const moved = await api.sales.deals.get({ id: deal.id });
    const lostStage = pipeline!.stages.find((stage) => stage.kind === 'lost')!;
    await api.sales.deals.move({ id: deal.id, version: moved.version, stageId: lostStage.id, lostReason: 'Too expensive' });
    const afterLoss = await api.work.timeline({ target: { kind: 'deal', id: deal.id } });
    expect(afterLoss.rows.filter((entry) => entry.type === 'deal_stage').map((entry) => [entry.title, entry.body])).toEqual([
      ['Lost', 'Too expensive'],
      ['Proposal', null],
      ['Lead', null],
    ]);
  });

  it('pages through thousands of entries without gaps or repeats', async () => {
    const { api, core } = tempCore();
    const contact = await api.people.contacts.create({ name: 'Busy Customer' });
    const insert = core.workspace.sqlite.prepare(
      `INSERT INTO activities (channel, subject, occurred_at, contact_id, version, created_at, updated_at) VALUES ('call', ?, ?, ?, 1, 0, 0)`,
    );
    // Many share a timestamp: the keyset must still be exact.
    for (let i = 0; i < 2500; i++) insert.run(`#${i}`, Math.floor(i / 3), contact.id);
    const seen = new Set<number>();
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await api.work.timeline({ target: { kind: 'contact', id: contact.id }, limit: 100, ...(cursor ? { cursor } : {}) });
      for (const entry of page.rows) seen.add(entry.id);
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor);
    expect(seen.size).toBe(2500);
    expect(pages).toBe(25);
  });

  it('the first timeline page reads the per-contact index, not the whole table', () => {
    const { core } = tempCore();
    const plan = core.workspace.sqlite
      .prepare(`EXPLAIN QUERY PLAN SELECT id FROM activities a WHERE a.contact_id = ? AND a.deleted_at IS NULL ORDER BY a.occurred_at DESC, a.id DESC LIMIT 51`)
      .all(1) as { detail: string }[];
    expect(plan.map((row) => row.detail).join(' ')).toMatch(/USING INDEX activities_contact_idx/);
    expect(plan.map((row) => row.detail).join(' ')).not.toMatch(/TEMP B-TREE/);
  });

  it('an activity must be linked to something, and links must exist', async () => {
    const { api, core } = tempCore();
    expect((await rapportError(() => api.work.activities.create({ channel: 'call', subject: 'Orphan' }))).issues?.[0]?.path).toBe('contactId');
    expect((await rapportError(() => api.work.activities.create({ channel: 'call', subject: 'x', contactId: 999 }))).issues?.[0]?.path).toBe('contactId');
    expect((await rapportError(() => api.work.activities.create({ channel: 'telepathy' as never, subject: 'x', contactId: 1 }))).code).toBe('VALIDATION');
    const contact = await api.people.contacts.create({ name: 'A' });
    const activity = await api.work.activities.create({ channel: 'sms', subject: 'Hi', contactId: contact.id });
    expect((await rapportError(() => api.work.activities.update({ id: activity.id, version: 1, patch: { contactId: null } }))).issues?.[0]?.path).toBe('contactId');
    expect(core.workspace.sqlite.prepare('SELECT count(*) AS n FROM activities').get()).toEqual({ n: 1 });
  });
});

describe('tasks', () => {
  const day = (iso: string) => new Date(`${iso}T00:00:00`).getTime();

  it('completing a recurring task schedules the next one, reminder shifted alike', async () => {
    const { api } = tempCore();
    const task = await api.work.tasks.create({
      title: 'Monthly invoice reminder',
      dueAt: day('2026-01-31') + 9 * 3600_000,
      remindAt: day('2026-01-31') + 8 * 3600_000,
      recurrence: { every: 1, unit: 'month' },
      priority: 'high',
    });
    const { task: done, next } = await api.work.tasks.complete({ id: task.id, version: task.version });
    expect(done.completedAt).not.toBeNull();
    expect(next).toMatchObject({ title: 'Monthly invoice reminder', priority: 'high', completedAt: null, recurrence: { every: 1, unit: 'month' } });
    expect(new Date(next!.dueAt!).getDate()).toBe(28);
    expect(next!.dueAt! - next!.remindAt!).toBe(3600_000);
    // The series keeps its day of month: Feb 28 → Mar 31.
    const third = (await api.work.tasks.complete({ id: next!.id, version: next!.version })).next!;
    expect(new Date(third.dueAt!).getMonth()).toBe(2);
    expect(new Date(third.dueAt!).getDate()).toBe(31);
    // Completing twice does not schedule twice.
    const again = await api.work.tasks.complete({ id: next!.id, version: next!.version + 1 });
    expect(again.next).toBeNull();
    expect((await rapportError(() => api.work.tasks.create({ title: 'x', recurrence: { every: 1, unit: 'week' } }))).issues?.[0]?.path).toBe('dueAt');
  });

  it('sorts open tasks into overdue, today, upcoming and someday', async () => {
    const { api } = tempCore();
    const today = day('2026-11-25');
    await api.work.tasks.create({ title: 'late', dueAt: today - 3600_000 });
    await api.work.tasks.create({ title: 'now', dueAt: today + 10 * 3600_000 });
    await api.work.tasks.create({ title: 'soon', dueAt: today + 3 * 86_400_000 });
    await api.work.tasks.create({ title: 'far', dueAt: today + 30 * 86_400_000 });
    await api.work.tasks.create({ title: 'whenever' });
    const view = await api.work.tasks.today({ dayStart: today, dayEnd: today + 86_400_000 });
    expect([view.overdue, view.today, view.upcoming, view.someday].map((bucket) => bucket.map((task) => task.title))).toEqual([['late'], ['now'], ['soon'], ['whenever']]);
    expect((await api.work.tasks.list({})).rows.map((task) => task.title)).toEqual(['late', 'now', 'soon', 'far', 'whenever']);
  });

  it('each due reminder is taken once, even with two clients polling', async () => {
    const { api, file } = tempCore();
    await api.work.tasks.create({ title: 'Call back', remindAt: Date.now() - 1000, dueAt: Date.now() + 3600_000 });
    await api.work.tasks.create({ title: 'Later', remindAt: Date.now() + 3600_000 });
    const other = openCore(file, { probeLocks: false });
    try {
      const otherApi = appRouter.createCaller(other.context());
      const [mine, theirs] = [await api.work.tasks.takeDueReminders({}), await otherApi.work.tasks.takeDueReminders({})];
      expect([...mine, ...theirs].map((task) => task.title)).toEqual(['Call back']);
    } finally {
      other.close();
    }
    expect(await api.work.tasks.takeDueReminders({})).toEqual([]);
  });

  it('next occurrences by day, week and month', () => {
    const base = new Date(2026, 0, 31, 9, 30).getTime();
    expect(new Date(nextOccurrence(base, 2, 'day')).getDate()).toBe(2);
    expect(new Date(nextOccurrence(base, 1, 'week')).getDate()).toBe(7);
    expect(new Date(nextOccurrence(base, 12, 'month')).getFullYear()).toBe(2027);
    expect(new Date(nextOccurrence(base, 1, 'month')).getHours()).toBe(9);
  });
});
