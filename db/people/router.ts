import { z } from 'zod';
import { id } from '../contract/common';
import {
  bulkRemove,
  bulkTag,
  companyCreate,
  companyList,
  companyUpdate,
  contactCreate,
  contactList,
  contactUpdate,
  duplicateCheck,
  noteCreate,
  noteUpdate,
  recordRef,
  removeInput,
  tagCreate,
} from '../contract/people';
import { procedure, router } from '../api/trpc';
import { bulkTagRecords } from './bulk';
import { dependentsProcedure } from '../sales/orders-router';
import { bulkRemoveRecords, removeRecord, restoreRecord } from '../system/record-removal';
import { companyContacts, createCompany, getCompany, listCompanies, updateCompany } from './companies';
import { createContact, findDuplicates, getContact, listContacts, updateContact } from './contacts';
import { createNote, listNotes, updateNote } from './notes';
import { createTag, listTags } from './tags';

const byId = z.object({ id });

export const peopleRouter = router({
  contacts: router({
    list: procedure.input(contactList).query(({ ctx, input }) => listContacts(ctx.workspace, input)),
    get: procedure.input(byId).query(({ ctx, input }) => getContact(ctx.workspace, input.id)),
    create: procedure.input(contactCreate).mutation(({ ctx, input }) => createContact(ctx.workspace, input)),
    update: procedure.input(contactUpdate).mutation(({ ctx, input }) => updateContact(ctx.workspace, input)),
    remove: procedure.input(removeInput).mutation(({ ctx, input }) => removeRecord(ctx.workspace, 'contact', input)),
    restore: procedure.input(byId).mutation(({ ctx, input }) => {
      restoreRecord(ctx.workspace, 'contact', input.id);
      return getContact(ctx.workspace, input.id);
    }),
    duplicates: procedure.input(duplicateCheck).query(({ ctx, input }) => findDuplicates(ctx.workspace, input)),
    dependents: dependentsProcedure,
  }),
  companies: router({
    list: procedure.input(companyList).query(({ ctx, input }) => listCompanies(ctx.workspace, input)),
    get: procedure.input(byId).query(({ ctx, input }) => getCompany(ctx.workspace, input.id)),
    create: procedure.input(companyCreate).mutation(({ ctx, input }) => createCompany(ctx.workspace, input)),
    update: procedure.input(companyUpdate).mutation(({ ctx, input }) => updateCompany(ctx.workspace, input)),
    remove: procedure.input(removeInput).mutation(({ ctx, input }) => removeRecord(ctx.workspace, 'company', input)),
    restore: procedure.input(byId).mutation(({ ctx, input }) => {
      restoreRecord(ctx.workspace, 'company', input.id);
      return getCompany(ctx.workspace, input.id);
    }),
    contacts: procedure.input(byId).query(({ ctx, input }) => companyContacts(ctx.workspace, input.id)),
    dependents: dependentsProcedure,
  }),
  tags: router({
    list: procedure.query(({ ctx }) => listTags(ctx.workspace)),
    create: procedure.input(tagCreate).mutation(({ ctx, input }) => createTag(ctx.workspace, input)),
  }),
  notes: router({
    list: procedure.input(recordRef).query(({ ctx, input }) => listNotes(ctx.workspace, input)),
    create: procedure.input(noteCreate).mutation(({ ctx, input }) => createNote(ctx.workspace, input)),
    update: procedure.input(noteUpdate).mutation(({ ctx, input }) => updateNote(ctx.workspace, input)),
    remove: procedure.input(removeInput).mutation(({ ctx, input }) => removeRecord(ctx.workspace, 'note', input)),
  }),
  bulk: router({
    tag: procedure.input(bulkTag).mutation(({ ctx, input }) => bulkTagRecords(ctx.workspace, input)),
    remove: procedure.input(bulkRemove).mutation(({ ctx, input }) => bulkRemoveRecords(ctx.workspace, input.kind, input.ids)),
  }),
});
