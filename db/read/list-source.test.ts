import { describe, expect, expectTypeOf, it } from 'vitest';
import { contactListSpec } from '../people/contacts';
import { dealListSpec } from '../sales/deals';
import { productListSpec } from '../sales/products';
import { pageQuery } from './list-page';
import { renderSql } from './reads';

type RowOfSpec<Spec extends (...args: never[]) => { source: { decode: (row: Record<string, unknown>) => unknown } }> = ReturnType<
  ReturnType<Spec>['source']['decode']
>;

/**
 * A list's row type comes from its selection: a column's own type, nullable where the column is or
 * its table is left-joined, and the column's own mapping from the stored value.
 */
describe('list sources', () => {
  it('type a row from its columns: left-joined tables nullable, inner-joined not, booleans as booleans', () => {
    type ContactListRow = RowOfSpec<typeof contactListSpec>;
    expectTypeOf<ContactListRow['name']>().toEqualTypeOf<string>();
    expectTypeOf<ContactListRow['companyName']>().toEqualTypeOf<string | null>();
    expectTypeOf<ContactListRow['ownerName']>().toEqualTypeOf<string | null>();
    expectTypeOf<ContactListRow['primaryEmail']>().toEqualTypeOf<string | null>();
    expectTypeOf<ContactListRow['vip']>().toEqualTypeOf<boolean>();
    type DealListRow = RowOfSpec<typeof dealListSpec>;
    expectTypeOf<DealListRow['stageName']>().toEqualTypeOf<string>();
    expectTypeOf<DealListRow['contactName']>().toEqualTypeOf<string | null>();
    expectTypeOf<DealListRow['weightedMinor']>().toEqualTypeOf<number>();
  });

  it('decode stored values with the columns’ own mapping', () => {
    const { source } = productListSpec({ sort: 'name', order: 'asc', limit: 50 });
    const row = source.decode({ id: 1, sku: 'TEA', name: 'Tea', sortName: 'tea', unitPriceMinor: 100, costMinor: null, currency: 'CNY', category: null, active: 1 });
    expect(row).toMatchObject({ id: 1, active: true, costMinor: null, category: null });
  });

  it('read under the lists’ short aliases, so the plans and indexes are the ones the SQL names', () => {
    const { sql } = renderSql(pageQuery(contactListSpec({ sort: 'name', order: 'asc', limit: 50 }), { mode: 'none' }));
    expect(sql).toContain('FROM "contacts" "c" LEFT JOIN "companies" "co" ON "co"."id" = "c"."company_id" LEFT JOIN "users" "u" ON "u"."id" = "c"."owner_id"');
    expect(sql).toContain('ORDER BY "c"."sort_name" ASC, "c"."id" ASC LIMIT ?');
  });
});
