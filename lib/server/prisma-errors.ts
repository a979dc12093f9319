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

function uniqueFields(error: Prisma.PrismaClientKnownRequestError): string[] {
  const meta = error.meta as { target?: unknown; driverAdapterError?: { cause?: { constraint?: { fields?: string[] } } } } | undefined;
  const fromAdapter = meta?.driverAdapterError?.cause?.constraint?.fields;
  if (Array.isArray(fromAdapter) && fromAdapter.length > 0) return fromAdapter.map((f) => f.replaceAll('"', ""));
  if (Array.isArray(meta?.target)) return meta.target.map(String);
  return ["name"];
}

/** The foreign-key column, from the constraint name Prisma gives (`Pod_nodeName_fkey` → `nodeName`). */
function fieldOf(error: Prisma.PrismaClientKnownRequestError): string {
  const meta = error.meta as { field_name?: string; driverAdapterError?: { cause?: { constraint?: { index?: string } } } } | undefined;
  const name = meta?.driverAdapterError?.cause?.constraint?.index ?? meta?.field_name ?? "";
  return /_(\w+?)_fkey/.exec(name)?.[1] ?? "(reference)";
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
