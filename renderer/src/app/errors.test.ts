import { TRPCClientError } from '@trpc/client';
import { describe, expect, it } from 'vitest';
import { en } from '../i18n/en';
import { zhCN } from '../i18n/zh-CN';
import { errorMessageKeyOf } from './errors';

/** A client error as the tRPC link builds it from the core's answer. */
function apiError(rapport: unknown) {
  return TRPCClientError.from({ error: { message: 'x', code: -32603, data: { rapport } } });
}

describe('the message for a failed call', () => {
  it('says a record was deleted by someone else when the CONFLICT carries a deleted row', () => {
    expect(errorMessageKeyOf(apiError({ code: 'CONFLICT', current: { id: 1, deletedAt: 1_700_000_000_000 } }))).toBe('errors.CONFLICT_DELETED');
    expect(errorMessageKeyOf(apiError({ code: 'CONFLICT', current: { id: 1, deletedAt: null } }))).toBe('errors.CONFLICT');
    expect(errorMessageKeyOf(apiError({ code: 'DISK_FULL' }))).toBe('errors.DISK_FULL');
  });

  it('has the full-disk and deleted-conflict messages in both languages', () => {
    expect(en.errors.DISK_FULL).toMatch(/^The disk holding the database is full; nothing was saved/);
    expect(zhCN.errors.DISK_FULL).toMatch(/磁盘已满/);
    expect(en.errors.CONFLICT_DELETED).toMatch(/deleted/);
    expect(zhCN.errors.CONFLICT_DELETED).toMatch(/删除/);
  });
});
