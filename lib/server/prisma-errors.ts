import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "./errors";

/** Turn the Prisma errors that bad input can cause into AppErrors; anything else is a real fault and is rethrown. */
export function mapPrismaError(error: unknown, what: string): never {
  if (error instanceof Prisma.PrismaClientKnownRequestError) {
    if (error.code === "P2002") {
      const fields = uniqueFields(error);
      throw new AppError(
        "CONFLICT",
        `A ${what} with this ${fields.join(" and ")} already exists.`,
        fields.map((path) => ({ path, message: `Already taken by another ${what}` })),
      );
    }
    if (error.code === "P2025") throw new AppError("NOT_FOUND", `${capitalize(what)} was not found.`);
    if (error.code === "P2003") {
      throw new AppError("INVALID", `A referenced object does not exist.`, [{ path: fieldOf(error), message: "No such object" }]);
    }
  }
  throw error;
}

/**
 * The fields of the violated unique key, from its index name (`Backend_poolId_address_port_key` → address, port).
 * A parent id (`poolId`) is the scope, not something the user typed, so it is left out.
 */
function uniqueFields(error: Prisma.PrismaClientKnownRequestError): string[] {
  const meta = error.meta as { target?: unknown; driverAdapterError?: { cause?: { constraint?: { index?: string; fields?: string[] } } } } | undefined;
  const constraint = meta?.driverAdapterError?.cause?.constraint;
  const fields =
    constraint?.fields?.map((f) => f.replaceAll('"', "")) ??
    /^[A-Za-z]+_(.+)_key$/.exec(constraint?.index ?? "")?.[1]?.split("_") ??
    (Array.isArray(meta?.target) ? meta.target.map(String) : ["name"]);
  const typed = fields.filter((f) => !/Id$/.test(f));
  return typed.length > 0 ? typed : fields;
}

/** The foreign-key column, from the constraint name Prisma gives (`Pod_nodeName_fkey` → `nodeName`). */
function fieldOf(error: Prisma.PrismaClientKnownRequestError): string {
  const meta = error.meta as { field_name?: string; driverAdapterError?: { cause?: { constraint?: { index?: string } } } } | undefined;
  const name = meta?.driverAdapterError?.cause?.constraint?.index ?? meta?.field_name ?? "";
  return /_(\w+?)_fkey/.exec(name)?.[1] ?? "(reference)";
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
