import "server-only";
import type { z } from "zod";
import { ListQuery, type Page } from "@/lib/schemas/list";
import { authorize, type Ctx } from "../auth/principal";
import { writeAudit } from "../audit";
import { db, type Tx } from "../db";
import { notFound } from "../errors";
import { mapPrismaError } from "../prisma-errors";
import { parseInput } from "../validation";
import { labelFilters, orderByFor, paginate } from "./list";
import { assertId, assertVersion } from "./versioned";

/** The slice of a Prisma model delegate that CRUD needs; each entity passes its own (typed loosely on purpose). */
interface Delegate<Row> {
  findMany(args: object): Promise<Row[]>;
  findUnique(args: { where: { id: string } }): Promise<Row | null>;
  create(args: { data: object }): Promise<Row>;
  update(args: { where: { id: string; version: number }; data: object }): Promise<Row>;
  delete(args: { where: { id: string } }): Promise<Row>;
}

type Row = { id: string; name?: string; version: number };

export interface CrudDefinition<R extends Row, Out extends object, Create, Update extends { version: number }, Q extends z.ZodObject> {
  /** Human name for messages, e.g. "Node". */
  what: string;
  /** Audit object type, e.g. "node". */
  objectType: string;
  model: (client: Tx) => Delegate<R>;
  toOutput: (row: R) => Out;
  listQuery: Q;
  sortable: readonly string[];
  defaultSort: string;
  /** Extra filters from the entity's own query parameters. */
  filters?: (query: z.output<Q>) => object[];
  /** How audit rows and messages name an object (default: its name, else its id). */
  label?: (row: R) => string;
  /** Field that `q` searches (case-insensitive substring). */
  searchField?: string;
  createSchema: z.ZodType<Create>;
  createData: (input: Create, tx: Tx, ctx: Ctx) => Promise<object> | object;
  /** Runs inside the create transaction before the insert (quotas, invariants). */
  beforeCreate?: (tx: Tx) => Promise<void>;
  /** Runs inside the delete transaction before the row goes (dependents to detach with their own audit rows). */
  beforeDelete?: (tx: Tx, current: R, ctx: Ctx) => Promise<void>;
  updateSchema: z.ZodType<Update>;
  updateData: (input: Update, current: R, tx: Tx) => Promise<object> | object;
  transaction?: { maxWait: number; timeout: number };
}

/** List / get / create / update / delete for one entity: authorization, validation, optimistic concurrency, audit. */
export function defineCrud<R extends Row, Out extends object, Create, Update extends { version: number }, Q extends z.ZodObject>(
  def: CrudDefinition<R, Out, Create, Update, Q>,
) {
  const model = def.model;
  const fail = (error: unknown): never => mapPrismaError(error, def.what.toLowerCase());
  const label = def.label ?? ((row: R) => row.name ?? row.id);

  async function list({ ctx, query }: { ctx: Ctx; query: unknown }): Promise<Page<Out>> {
    authorize(ctx, "read", { verb: "list", objectType: def.objectType });
    const q = parseInput(def.listQuery, query) as z.output<Q> & ListQuery;
    const where = {
      AND: [
        ...(q.q && def.searchField ? [{ [def.searchField]: { contains: q.q, mode: "insensitive" } }] : []),
        ...(def.filters?.(q) ?? []),
        ...labelFilters(q.selector),
      ],
    };
    const orderBy = orderByFor(q.sort, def.sortable, def.defaultSort);
    return paginate(q, (page) => model(db).findMany({ where, orderBy, ...page }), def.toOutput);
  }

  async function get({ ctx, id }: { ctx: Ctx; id: string }): Promise<Out> {
    authorize(ctx, "read", { verb: "read", objectType: def.objectType, objectId: id });
    const row = await model(db).findUnique({ where: { id: assertId(id, def.what) } });
    if (!row) throw notFound(def.what);
    return def.toOutput(row);
  }

  async function create({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<Out> {
    authorize(ctx, "write", { verb: "create", objectType: def.objectType });
    const data = parseInput(def.createSchema, input);
    try {
      return await db.$transaction(async (tx) => {
        await def.beforeCreate?.(tx);
        const row = await model(tx).create({ data: await def.createData(data, tx, ctx) });
        const after = def.toOutput(row);
        await writeAudit(tx, ctx, { verb: "create", objectType: def.objectType, objectId: row.id, objectName: label(row), after });
        return after;
      }, def.transaction);
    } catch (error) {
      return fail(error);
    }
  }

  async function update({ ctx, id, input }: { ctx: Ctx; id: string; input: unknown }): Promise<Out> {
    authorize(ctx, "write", { verb: "update", objectType: def.objectType, objectId: id });
    assertId(id, def.what);
    const data = parseInput(def.updateSchema, input);
    try {
      return await db.$transaction(async (tx) => {
        const current = assertVersion(await model(tx).findUnique({ where: { id } }), data.version, def.what);
        const changes = await def.updateData(data, current, tx);
        const row = await model(tx).update({ where: { id, version: data.version }, data: { ...changes, version: { increment: 1 } } });
        const after = def.toOutput(row);
        const before = def.toOutput(current);
        await writeAudit(tx, ctx, { verb: "update", objectType: def.objectType, objectId: id, objectName: label(row), before, after });
        return after;
      });
    } catch (error) {
      return fail(error);
    }
  }

  async function remove({ ctx, id, version }: { ctx: Ctx; id: string; version?: number }): Promise<void> {
    authorize(ctx, "write", { verb: "delete", objectType: def.objectType, objectId: id });
    assertId(id, def.what);
    try {
      await db.$transaction(async (tx) => {
        const current = assertVersion(await model(tx).findUnique({ where: { id } }), version, def.what);
        await def.beforeDelete?.(tx, current, ctx);
        await model(tx).delete({ where: { id } });
        await writeAudit(tx, ctx, { verb: "delete", objectType: def.objectType, objectId: id, objectName: label(current), before: def.toOutput(current) });
      });
    } catch (error) {
      fail(error);
    }
  }

  return { list, get, create, update, remove };
}

/** Drop keys whose value is undefined, so a PATCH only touches the fields it names. */
export function defined<T extends object>(obj: T): Partial<T> {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined)) as Partial<T>;
}
