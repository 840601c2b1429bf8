import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Note, RecordRef } from '../contract/people';
import { notFound } from '../errors';
import { requireLive } from '../read/references';
import { oncePerConnection, type Reads } from '../read/reads';
import { mayReach } from '../read/visibility';
import { recordMetaColumns } from '../read/record-mapping';
import { users } from '../system/schema';
import type { RecordWriter } from '../write/record-writer';
import { write } from '../write/transaction';
import type { Store } from '../workspace/store';
import { notes } from './schema';

/** Notes with their author's name: one note by id, or a record's notes (exported for the plan test). */
export function notesQuery(reads: Reads) {
  return reads.db
    .select({
      meta: recordMetaColumns(notes),
      contactId: notes.contactId,
      companyId: notes.companyId,
      body: notes.body,
      authorName: users.name,
    })
    .from(notes)
    .leftJoin(users, eq(users.id, notes.createdBy))
    .$dynamic();
}

type NoteRow = ReturnType<ReturnType<typeof notesQuery>['all']>[number];

function toNote({ meta, ...fields }: NoteRow): Note {
  return { ...fields, ...meta };
}

/** A note by `id` (exported for the plan test). */
export function noteQuery(reads: Reads) {
  return notesQuery(reads).where(eq(notes.id, sql.placeholder('id')));
}

/** The live notes of the contact or company `id`, newest first (exported for the plan test). */
export function recordNotesQuery(reads: Reads, kind: RecordRef['kind']) {
  const column = kind === 'contact' ? notes.contactId : notes.companyId;
  return notesQuery(reads)
    .where(and(eq(column, sql.placeholder('id')), isNull(notes.deletedAt)))
    .orderBy(desc(notes.createdAt), desc(notes.id));
}

const noteById = oncePerConnection((reads) => noteQuery(reads).prepare());
const notesOf = {
  contact: oncePerConnection((reads) => recordNotesQuery(reads, 'contact').prepare()),
  company: oncePerConnection((reads) => recordNotesQuery(reads, 'company').prepare()),
};

export function readNote(reads: Reads, id: number): Note | undefined {
  const row = noteById(reads).get({ id });
  return row && mayReach(reads, row, reads.viewer) ? toNote(row) : undefined;
}

export function getNote(store: Store, id: number): Note {
  const note = readNote(store.reads, id);
  if (!note || note.deletedAt !== null) throw notFound('Note', id);
  return note;
}

export function listNotes(store: Store, target: RecordRef): Note[] {
  if (!mayReach(store.reads, target.kind === 'contact' ? { contactId: target.id } : { companyId: target.id }, store.reads.viewer)) {
    throw notFound(target.kind === 'contact' ? 'Contact' : 'Company', target.id);
  }
  return notesOf[target.kind](store.reads).all({ id: target.id }).map(toNote);
}

export function reindexNote(writer: RecordWriter, id: number): void {
  const note = readNote(writer.bookkeepingReads, id);
  if (!note || note.deletedAt !== null) writer.unindex('note', id);
  else writer.index('note', id, [note.body]);
}

export function createNote(store: Store, input: { target: RecordRef; body: string }): Note {
  const id = write(store, (writer) => {
    requireLive(writer.reads, input.target.kind === 'contact' ? 'contacts' : 'companies', input.target.id, 'target.id');
    const noteId = writer.insert(notes, {
      body: input.body,
      contactId: input.target.kind === 'contact' ? input.target.id : null,
      companyId: input.target.kind === 'company' ? input.target.id : null,
    });
    reindexNote(writer, noteId);
    return noteId;
  });
  return getNote(store, id);
}

export function updateNote(store: Store, input: { id: number; version: number; body: string }): Note {
  write(store, (writer) => {
    writer.update(notes, input.id, input.version, { body: input.body }, { describeCurrent: (id) => readNote(writer.reads, id) });
    reindexNote(writer, input.id);
  });
  return getNote(store, input.id);
}
