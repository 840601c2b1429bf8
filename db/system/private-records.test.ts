import { describe, expect, it } from 'vitest';
import { appRouter } from '../api/router';
import { rapportError, tempCore } from '../test-support/temp-workspace';
import { StaffSession } from './session';

type Core = ReturnType<typeof tempCore>['core'];
type Api = ReturnType<typeof appRouter.createCaller>;

async function signedIn(core: Core, userId: number): Promise<Api> {
  const api = appRouter.createCaller(core.context(new StaffSession('PC-2')));
  await api.system.session.signIn({ userId });
  return api;
}

/**
 * Sam (staff) keeps a private contact with a private deal, a call, a note, a task and an order; a
 * private company too. Bea (staff) must not find any of it anywhere; Sam, a manager and the owner do.
 */
async function privateWorkspace() {
  const { core, api: owner } = tempCore();
  const managerUser = await owner.system.staff.create({ name: 'Mei Manager', role: 'manager' });
  const samUser = await owner.system.staff.create({ name: 'Sam Staff', role: 'staff' });
  const beaUser = await owner.system.staff.create({ name: 'Bea Staff', role: 'staff' });
  const manager = await signedIn(core, managerUser.id);
  const sam = await signedIn(core, samUser.id);
  const bea = await signedIn(core, beaUser.id);

  const acme = await owner.people.companies.create({ name: 'Acme Trading' });
  const hiddenCompany = await sam.people.companies.create({ name: 'Quietwater Holdings', ownerId: samUser.id, isPrivate: true });
  const secret = await sam.people.contacts.create({
    name: 'Secret Lee',
    companyId: acme.id,
    emails: [{ label: 'work', value: 'secret.lee@example.com' }],
    ownerId: samUser.id,
    isPrivate: true,
  });
  const open = await owner.people.contacts.create({ name: 'Open Lee', companyId: acme.id, ownerId: samUser.id });
  const pipeline = (await owner.sales.pipelines.list())[0]!;
  const firstStage = pipeline.stages.find((stage) => stage.kind === 'open')!;
  const deal = await sam.sales.deals.create({
    title: 'Secret expansion',
    contactId: secret.id,
    amountMinor: 500_00,
    currency: 'USD',
    expectedCloseDate: '2027-01-15',
    ownerId: samUser.id,
    isPrivate: true,
    stageId: firstStage.id,
  });
  const openDeal = await owner.sales.deals.create({ title: 'Open renewal', contactId: open.id, amountMinor: 200_00, currency: 'USD', expectedCloseDate: '2027-01-20', stageId: firstStage.id });
  const call = await sam.work.activities.create({ channel: 'call', subject: 'Secret pricing call', contactId: secret.id, companyId: acme.id });
  await owner.work.activities.create({ channel: 'call', subject: 'Open follow-up call', contactId: open.id, companyId: acme.id });
  const note = await sam.people.notes.create({ target: { kind: 'contact', id: secret.id }, body: 'Secret margin is thin' });
  const task = await sam.work.tasks.create({ title: 'Call Secret back', contactId: secret.id, assigneeId: samUser.id, dueAt: Date.now() });
  const product = await owner.sales.products.create({ sku: 'P-1', name: 'Widget', unitPriceMinor: 10_00, currency: 'USD' });
  const order = await sam.sales.orders.create({
    kind: 'order',
    contactId: secret.id,
    currency: 'USD',
    lines: [{ productId: product.id, description: 'Widget', quantity: 1, unitPriceMinor: 10_00 }],
  });
  return { core, owner, manager, sam, bea, samUser, beaUser, acme, hiddenCompany, secret, open, pipeline, firstStage, deal, openDeal, call, note, task, order };
}

const names = (page: { rows: { name: string }[] }) => page.rows.map((row) => row.name);

describe('private records: only their owner and managers see them', () => {
  it('staff do not find a colleague’s private records in lists, counts, search, timelines, tasks, board, forecast or the Trash', async () => {
    const w = await privateWorkspace();
    const { bea } = w;

    const contacts = await bea.people.contacts.list({});
    expect(names(contacts)).toEqual(['Open Lee']);
    expect(contacts.total).toBe(1);
    expect(names(await bea.people.contacts.list({ search: 'lee' }))).toEqual(['Open Lee']);
    expect(names(await bea.people.contacts.list({ search: 'secret.lee@example.com' }))).toEqual([]);
    expect(names(await bea.people.companies.list({}))).toEqual(['Acme Trading']);
    expect((await bea.people.companies.contacts({ id: w.acme.id })).map((row) => row.name)).toEqual(['Open Lee']);

    const hits = await bea.system.search({ query: 'secret', limit: 20 });
    expect(hits).toEqual([]);
    expect((await bea.system.search({ query: 'quietwater', limit: 20 })).length).toBe(0);

    const timeline = await bea.work.timeline({ target: { kind: 'company', id: w.acme.id }, limit: 50 });
    // The company's story without Secret Lee's call, note, deal stage move and order status.
    expect(timeline.rows.map((entry) => `${entry.type}:${entry.title}`).sort()).toEqual(['activity:Open follow-up call', 'deal_stage:Lead']);

    const deals = await bea.sales.deals.list({});
    expect(deals.rows.map((row) => row.title)).toEqual(['Open renewal']);
    const board = await bea.sales.deals.board({ pipelineId: w.pipeline.id });
    const column = board.columns.find((candidate) => candidate.stage.id === w.firstStage.id)!;
    expect(column.deals.map((row) => row.title)).toEqual(['Open renewal']);
    expect(column.count).toBe(1);
    expect(column.totals).toEqual([expect.objectContaining({ amountMinor: 200_00 })]);
    const forecast = await bea.sales.deals.forecast({ from: '2027-01', to: '2027-01' });
    expect(forecast.months.map((month) => month.openMinor)).toEqual([200_00]);

    const tasks = await bea.work.tasks.list({ status: 'open' });
    expect(tasks.rows.map((row) => row.title)).toEqual([]);
    expect(tasks.total).toBe(0);
    expect((await bea.sales.orders.list({})).rows).toEqual([]);

    await w.sam.people.contacts.remove({ id: w.secret.id });
    expect((await bea.system.trash.list({ limit: 50 })).rows).toEqual([]);
    expect((await w.sam.system.trash.list({ limit: 50 })).rows.map((row) => row.title)).toEqual(['Secret Lee']);
  });

  it('staff cannot open, change, link to or delete a colleague’s private record or what belongs to it', async () => {
    const w = await privateWorkspace();
    const { bea } = w;
    const notFound = { code: 'NOT_FOUND' };
    await expect(rapportError(() => bea.people.contacts.get({ id: w.secret.id }))).resolves.toMatchObject(notFound);
    await expect(rapportError(() => bea.people.contacts.update({ id: w.secret.id, version: w.secret.version, patch: { jobTitle: 'Spy' } }))).resolves.toMatchObject(notFound);
    await expect(rapportError(() => bea.people.contacts.remove({ id: w.secret.id }))).resolves.toMatchObject(notFound);
    await expect(rapportError(() => bea.people.companies.get({ id: w.hiddenCompany.id }))).resolves.toMatchObject(notFound);
    await expect(rapportError(() => bea.sales.deals.get({ id: w.deal.id }))).resolves.toMatchObject(notFound);
    await expect(rapportError(() => bea.sales.deals.bulkOwner({ ids: [w.openDeal.id, w.deal.id], ownerId: w.beaUser.id }))).resolves.toMatchObject(notFound);
    await expect(rapportError(() => bea.work.activities.get({ id: w.call.id }))).resolves.toMatchObject(notFound);
    await expect(rapportError(() => bea.work.tasks.complete({ id: w.task.id, version: w.task.version }))).resolves.toMatchObject(notFound);
    await expect(rapportError(() => bea.people.notes.list({ kind: 'contact', id: w.secret.id }))).resolves.toMatchObject(notFound);
    await expect(rapportError(() => bea.sales.orders.get({ id: w.order.id }))).resolves.toMatchObject(notFound);
    await expect(rapportError(() => bea.work.timeline({ target: { kind: 'contact', id: w.secret.id }, limit: 50 }))).resolves.toMatchObject(notFound);
    // Linking to it is refused as if it did not exist, on the field.
    const linked = await rapportError(() => bea.work.activities.create({ channel: 'call', subject: 'Hello', contactId: w.secret.id }));
    expect(linked).toMatchObject({ code: 'VALIDATION', issues: [{ path: 'contactId' }] });

    // Nothing changed: the owner still sees the record as it was, and the bulk owner change was all or nothing.
    expect((await w.sam.people.contacts.get({ id: w.secret.id })).jobTitle).toBeNull();
    expect((await w.owner.sales.deals.get({ id: w.openDeal.id })).ownerId).not.toBe(w.beaUser.id);
  });

  it('the owner of the records, managers and the workspace owner see everything', async () => {
    const w = await privateWorkspace();
    for (const api of [w.sam, w.manager, w.owner]) {
      expect(names(await api.people.contacts.list({}))).toEqual(['Open Lee', 'Secret Lee']);
      expect((await api.system.search({ query: 'secret', limit: 20 })).map((hit) => hit.kind).sort()).toEqual(['contact', 'deal', 'note']);
      const timeline = await api.work.timeline({ target: { kind: 'company', id: w.acme.id }, limit: 50 });
      expect(timeline.rows.map((entry) => `${entry.type}:${entry.title}`).sort()).toEqual([
        'activity:Open follow-up call',
        'activity:Secret pricing call',
        'deal_stage:Lead',
        'deal_stage:Lead',
        'note:Secret margin is thin',
        'order_status:placed',
      ]);
      expect((await api.sales.deals.get({ id: w.deal.id })).isPrivate).toBe(true);
      expect((await api.work.tasks.list({ status: 'open' })).total).toBe(1);
    }
  });

  it('staff keep private only what they own; a manager may do either, and making it public shows it to all', async () => {
    const w = await privateWorkspace();
    const refused = await rapportError(() => w.bea.people.contacts.update({ id: w.open.id, version: w.open.version, patch: { isPrivate: true } }));
    expect(refused).toMatchObject({ code: 'VALIDATION', issues: [{ path: 'isPrivate' }] });
    const givenAway = await rapportError(() => w.sam.people.contacts.update({ id: w.secret.id, version: w.secret.version, patch: { ownerId: w.beaUser.id } }));
    expect(givenAway).toMatchObject({ code: 'VALIDATION', issues: [{ path: 'isPrivate' }] });

    await w.bea.people.contacts.create({ name: 'Bea’s Own', ownerId: w.beaUser.id, isPrivate: true });
    expect(names(await w.bea.people.contacts.list({}))).toContain('Bea’s Own');
    expect(names(await w.sam.people.contacts.list({}))).not.toContain('Bea’s Own');

    const reassigned = await w.manager.people.contacts.update({ id: w.secret.id, version: w.secret.version, patch: { ownerId: w.beaUser.id } });
    expect(names(await w.bea.people.contacts.list({}))).toContain('Secret Lee');
    expect(names(await w.sam.people.contacts.list({}))).not.toContain('Secret Lee');

    await w.bea.people.contacts.update({ id: w.secret.id, version: reassigned.version, patch: { isPrivate: false } });
    expect(names(await w.sam.people.contacts.list({}))).toContain('Secret Lee');
    expect((await w.sam.system.search({ query: 'secret', limit: 20 })).map((hit) => hit.kind)).toContain('contact');
    // The change is in the record's history like any other field.
    const history = await w.owner.system.history({ kind: 'contact', id: w.secret.id, limit: 20 });
    expect(history.some((entry) => entry.changes.some((change) => change.field === 'isPrivate' && change.after === false))).toBe(true);
  });
  it('a record staff may see names no colleague’s private record it links to, and counts none, yet keeps the link', async () => {
    const w = await privateWorkspace();
    // The owner sees every record, so may link a public contact to the private company and a public deal to the private contact.
    const quiet = await w.owner.people.contacts.create({ name: 'Quiet Chen', companyId: w.hiddenCompany.id, emails: [{ label: 'work', value: 'quiet@example.com' }] });
    const linkedDeal = await w.owner.sales.deals.create({
      title: 'Quiet renewal',
      contactId: w.secret.id,
      companyId: w.hiddenCompany.id,
      amountMinor: 100_00,
      currency: 'USD',
      expectedCloseDate: '2027-01-25',
      stageId: w.firstStage.id,
    });

    const listed = (await w.bea.people.contacts.list({ search: 'quiet' })).rows.find((row) => row.id === quiet.id)!;
    expect(listed).toMatchObject({ companyId: w.hiddenCompany.id, companyName: null });
    expect(Object.keys(listed).some((key) => key.includes('$'))).toBe(false);
    const page = await w.bea.people.contacts.get({ id: quiet.id });
    expect(page).toMatchObject({ companyId: w.hiddenCompany.id, companyName: null });
    expect(Object.keys(page).some((key) => key.toLowerCase().includes('privateowner'))).toBe(false);
    const hit = (await w.bea.system.search({ query: 'quiet', limit: 20 })).find((entry) => entry.kind === 'contact')!;
    expect(hit.subtitle ?? '').not.toContain('Quietwater');

    const dealRow = (await w.bea.sales.deals.list({ search: 'quiet renewal' })).rows[0]!;
    expect(dealRow).toMatchObject({ id: linkedDeal.id, contactName: null, companyName: null });
    expect(await w.bea.sales.deals.get({ id: linkedDeal.id })).toMatchObject({ contactId: w.secret.id, contactName: null, companyName: null });
    const board = await w.bea.sales.deals.board({ pipelineId: w.pipeline.id });
    const card = board.columns.flatMap((column) => column.deals).find((deal) => deal.id === linkedDeal.id)!;
    expect(card).toMatchObject({ contactName: null, companyName: null });

    // A company's count of contacts leaves out the private ones the reader may not see.
    const acmeFor = async (api: typeof w.bea) => (await api.people.companies.list({ search: 'acme' })).rows.find((row) => row.id === w.acme.id)!.contactCount;
    expect(await acmeFor(w.bea)).toBe(1);
    expect(await acmeFor(w.sam)).toBe(2);
    expect(await acmeFor(w.owner)).toBe(2);

    // A duplicate of the private contact is still reported, without its name or a way to it.
    expect(await w.bea.people.contacts.duplicates({ emails: ['secret.lee@example.com'], phones: [] })).toEqual([
      { contactId: null, name: null, matched: 'secret.lee@example.com', field: 'email' },
    ]);
    expect(await w.sam.people.contacts.duplicates({ emails: ['secret.lee@example.com'], phones: [] })).toEqual([
      { contactId: w.secret.id, name: 'Secret Lee', matched: 'secret.lee@example.com', field: 'email' },
    ]);

    // Its history names the company only for those who may see it.
    const companyChange = async (api: typeof w.bea) =>
      (await api.system.history({ kind: 'contact', id: quiet.id, limit: 20 })).flatMap((entry) => entry.changes).find((change) => change.field === 'companyId')!;
    expect(await companyChange(w.bea)).toMatchObject({ linkKind: 'company', afterTitle: null });
    expect(await companyChange(w.sam)).toMatchObject({ afterTitle: 'Quietwater Holdings' });

    // Staff saving the contact they may see keeps its link to the company they may not.
    const saved = await w.bea.people.contacts.update({ id: quiet.id, version: quiet.version, patch: { jobTitle: 'Buyer' } });
    expect(saved.companyId).toBe(w.hiddenCompany.id);
    for (const api of [w.sam, w.manager, w.owner]) {
      expect((await api.people.contacts.get({ id: quiet.id })).companyName).toBe('Quietwater Holdings');
      expect(await api.sales.deals.get({ id: linkedDeal.id })).toMatchObject({ contactName: 'Secret Lee', companyName: 'Quietwater Holdings' });
    }
  });
});
