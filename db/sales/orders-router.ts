import { z } from 'zod';
import { readProcedure, writeProcedure, router } from '../api/trpc';
import { id } from '../contract/common';
import { removeInput } from '../contract/people';
import {
  customerRef,
  orderCreate,
  orderList,
  orderSetStatus,
  orderUpdate,
  productCreate,
  productList,
  productUpdate,
  quoteConvert,
} from '../contract/sales';
import { removeRecord, restoreRecord } from '../system/record-removal';
import { customerSales, dependents } from './customer';
import { convertQuote, createOrder, getOrder, listOrders, setOrderStatus, updateOrder } from './orders';
import { createProduct, getProduct, listProducts, updateProduct } from './products';

const byId = z.object({ id });

/** Mounted as `sales.products.*`. */
export const productsRouter = router({
  list: readProcedure.input(productList).query(({ ctx, input }) => listProducts(ctx.workspace, input)),
  get: readProcedure.input(byId).query(({ ctx, input }) => getProduct(ctx.workspace, input.id)),
  create: writeProcedure.input(productCreate).mutation(({ ctx, input }) => createProduct(ctx.workspace, input)),
  update: writeProcedure.input(productUpdate).mutation(({ ctx, input }) => updateProduct(ctx.workspace, input)),
  remove: writeProcedure.input(removeInput).mutation(({ ctx, input }) => removeRecord(ctx.workspace, 'product', input)),
  restore: writeProcedure.input(byId).mutation(({ ctx, input }) => {
    restoreRecord(ctx.workspace, 'product', input.id);
    return getProduct(ctx.workspace, input.id);
  }),
});

/** Mounted as `sales.orders.*`: quotes and orders share these procedures, told apart by `kind`. */
export const ordersRouter = router({
  list: readProcedure.input(orderList).query(({ ctx, input }) => listOrders(ctx.workspace, input)),
  get: readProcedure.input(byId).query(({ ctx, input }) => getOrder(ctx.workspace, input.id)),
  create: writeProcedure.input(orderCreate).mutation(({ ctx, input }) => createOrder(ctx.workspace, input)),
  update: writeProcedure.input(orderUpdate).mutation(({ ctx, input }) => updateOrder(ctx.workspace, input)),
  setStatus: writeProcedure.input(orderSetStatus).mutation(({ ctx, input }) => setOrderStatus(ctx.workspace, input)),
  convertQuote: writeProcedure.input(quoteConvert).mutation(({ ctx, input }) => convertQuote(ctx.workspace, input)),
  remove: writeProcedure.input(removeInput).mutation(({ ctx, input }) => removeRecord(ctx.workspace, 'order', input)),
});

/** Mounted as `sales.customer`: a contact's or company's deals, orders and lifetime revenue. */
export const customerProcedure = readProcedure.input(customerRef).query(({ ctx, input }) => customerSales(ctx.workspace, input));

/** Mounted as `people.contacts.dependents` and `people.companies.dependents`. */
export const dependentsProcedure = readProcedure.input(customerRef).query(({ ctx, input }) => dependents(ctx.workspace, input));
