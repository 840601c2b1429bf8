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
import { readProcedure, writeProcedure, router } from '../api/trpc';
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
    list: readProcedure.input(contactList).query(({ ctx, input }) => listContacts(ctx.workspace, input)),
    get: readProcedure.input(byId).query(({ ctx, input }) => getContact(ctx.workspace, input.id)),
    create: writeProcedure.input(contactCreate).mutation(({ ctx, input }) => createContact(ctx.workspace, input)),
    update: writeProcedure.input(contactUpdate).mutation(({ ctx, input }) => updateContact(ctx.workspace, input)),
    remove: writeProcedure.input(removeInput).mutation(({ ctx, input }) => removeRecord(ctx.workspace, 'contact', input)),
    restore: writeProcedure.input(byId).mutation(({ ctx, input }) => {
      restoreRecord(ctx.workspace, 'contact', input.id);
      return getContact(ctx.workspace, input.id);
    }),
    duplicates: readProcedure.input(duplicateCheck).query(({ ctx, input }) => findDuplicates(ctx.workspace, input)),
    dependents: dependentsProcedure,
  }),
  companies: router({
    list: readProcedure.input(companyList).query(({ ctx, input }) => listCompanies(ctx.workspace, input)),
    get: readProcedure.input(byId).query(({ ctx, input }) => getCompany(ctx.workspace, input.id)),
    create: writeProcedure.input(companyCreate).mutation(({ ctx, input }) => createCompany(ctx.workspace, input)),
    update: writeProcedure.input(companyUpdate).mutation(({ ctx, input }) => updateCompany(ctx.workspace, input)),
    remove: writeProcedure.input(removeInput).mutation(({ ctx, input }) => removeRecord(ctx.workspace, 'company', input)),
    restore: writeProcedure.input(byId).mutation(({ ctx, input }) => {
      restoreRecord(ctx.workspace, 'company', input.id);
      return getCompany(ctx.workspace, input.id);
    }),
    contacts: readProcedure.input(byId).query(({ ctx, input }) => companyContacts(ctx.workspace, input.id)),
    dependents: dependentsProcedure,
  }),
  tags: router({
    list: readProcedure.query(({ ctx }) => listTags(ctx.workspace)),
    create: writeProcedure.input(tagCreate).mutation(({ ctx, input }) => createTag(ctx.workspace, input)),
  }),
  notes: router({
    list: readProcedure.input(recordRef).query(({ ctx, input }) => listNotes(ctx.workspace, input)),
    create: writeProcedure.input(noteCreate).mutation(({ ctx, input }) => createNote(ctx.workspace, input)),
    update: writeProcedure.input(noteUpdate).mutation(({ ctx, input }) => updateNote(ctx.workspace, input)),
    remove: writeProcedure.input(removeInput).mutation(({ ctx, input }) => removeRecord(ctx.workspace, 'note', input)),
  }),
  bulk: router({
    tag: writeProcedure.input(bulkTag).mutation(({ ctx, input }) => bulkTagRecords(ctx.workspace, input)),
    remove: writeProcedure.input(bulkRemove).mutation(({ ctx, input }) => bulkRemoveRecords(ctx.workspace, input.kind, input.ids)),
  }),
});
