import type { z } from 'zod';
import type { Deal, leadConvert } from '../contract/sales';
import { RapportError, notFound, validation } from '../errors';
import { requireLive } from '../read/references';
import { contacts } from '../people/schema';
import { readContact } from '../people/contacts';
import { write } from '../write/transaction';
import type { Store } from '../workspace/store';
import { readSetting } from '../workspace/settings';
import { getDeal, insertDeal } from './deals';
import { defaultPipelineId, readStages } from './pipelines';

/**
 * One step from a lead to a deal: the deal takes the contact's company, owner and source, starts in
 * the pipeline's first open stage, and the contact moves on to prospect.
 */
export function convertLead(store: Store, input: z.output<typeof leadConvert>): Deal {
  const dealId = write(store, (writer) => {
    const { reads } = writer;
    const contact = readContact(reads, input.contactId);
    if (!contact || contact.deletedAt !== null) throw notFound('Contact', input.contactId);
    // The version guards against converting twice (a double click, or two PCs at once).
    if (contact.version !== input.contactVersion) {
      throw new RapportError('CONFLICT', 'This contact changed after you opened it.', { current: contact });
    }
    // Only a lead converts: a prospect already has its deal, a customer gets a new deal from the deal form.
    if (contact.lifecycle !== 'lead') throw validation('contactId', `Only a lead can be converted to a deal; ${contact.name} is a ${contact.lifecycle}`);
    requireLive(reads, 'pipelines', input.pipelineId, 'pipelineId');
    const pipelineId = input.pipelineId ?? defaultPipelineId(reads);
    const firstOpen = readStages(reads, pipelineId).find((stage) => stage.kind === 'open');
    if (!firstOpen) throw validation('pipelineId', 'This pipeline has no open stage');
    const title = input.title ?? contact.companyName ?? contact.name;
    const id = insertDeal(writer, {
      title,
      contactId: contact.id,
      companyId: contact.companyId,
      amountMinor: input.amountMinor,
      currency: input.currency ?? readSetting(reads, 'currency') ?? 'USD',
      expectedCloseDate: input.expectedCloseDate,
      ownerId: contact.ownerId ?? writer.userId,
      // A private lead's deal is as private as the lead.
      isPrivate: contact.isPrivate,
      source: contact.source,
      sourceCampaignId: null,
      stageId: firstOpen.id,
      probability: null,
      description: null,
    });
    writer.update(contacts, contact.id, input.contactVersion, { lifecycle: 'prospect' }, {
      extraChanges: [{ field: 'convertedToDeal', before: null, after: title }],
    });
    return id;
  });
  return getDeal(store, dealId);
}
