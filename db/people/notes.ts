import type Database from 'better-sqlite3';
import type { Note, RecordRef } from '../contract/people';
import { notFound } from '../errors';
import { requireLive } from '../read/references';
import { statement } from '../read/statements';
import { recordMeta, type RecordMetaRow } from '../read/record-mapping';
import { indexRecord, unindexRecord } from '../search/index';
import { write } from '../write/transaction';
import type { Workspace } from '../workspace/open';
import { notes } from './schema';

interface NoteDbRow extends RecordMetaRow {
  contact_id: number | null;
  company_id: number | null;
  body: string;
  author_name: string | null;
}

const SELECT_NOTE = `SELECT n.*, u.name AS author_name FROM notes n LEFT JOIN users u ON u.id = n.created_by`;

function toNote(row: NoteDbRow): Note {
  return {
    contactId: row.contact_id,
    companyId: row.company_id,
    body: row.body,
    authorName: row.author_name,
    ...recordMeta(row),
  };
}

export function readNote(sqlite: Database.Database, id: number): Note | undefined {
  const row = statement(sqlite, `${SELECT_NOTE} WHERE n.id = ?`).get(id) as NoteDbRow | undefined;
  return row ? toNote(row) : undefined;
}

export function getNote(workspace: Workspace, id: number): Note {
  const note = readNote(workspace.sqlite, id);
  if (!note || note.deletedAt !== null) throw notFound('Note', id);
  return note;
}

export function listNotes(workspace: Workspace, target: RecordRef): Note[] {
  const column = target.kind === 'contact' ? 'contact_id' : 'company_id';
  const rows = statement(
    workspace.sqlite,
    `${SELECT_NOTE} WHERE n.${column} = ? AND n.deleted_at IS NULL ORDER BY n.created_at DESC, n.id DESC`,
  ).all(target.id) as NoteDbRow[];
  return rows.map(toNote);
}

export function reindexNote(sqlite: Database.Database, id: number): void {
  const note = readNote(sqlite, id);
  if (!note || note.deletedAt !== null) unindexRecord(sqlite, 'note', id);
  else indexRecord(sqlite, 'note', id, [note.body]);
}

export function createNote(workspace: Workspace, input: { target: RecordRef; body: string }): Note {
  const id = write(workspace, (writer) => {
    requireLive(writer.sqlite, input.target.kind === 'contact' ? 'contacts' : 'companies', input.target.id, 'target.id');
    const noteId = writer.insert(notes, {
      body: input.body,
      contactId: input.target.kind === 'contact' ? input.target.id : null,
      companyId: input.target.kind === 'company' ? input.target.id : null,
    });
    reindexNote(writer.sqlite, noteId);
    return noteId;
  });
  return getNote(workspace, id);
}

export function updateNote(workspace: Workspace, input: { id: number; version: number; body: string }): Note {
  write(workspace, (writer) => {
    writer.update(notes, input.id, input.version, { body: input.body }, { describeCurrent: (id) => readNote(writer.sqlite, id) });
    reindexNote(writer.sqlite, input.id);
  });
  return getNote(workspace, input.id);
}
