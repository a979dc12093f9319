import "server-only";
import { AppError } from "../errors";

/**
 * Read a request body, refusing (413) as soon as it passes `maxBytes`: a declared Content-Length is checked before
 * reading, and the stream is counted as it arrives, so an oversized or lying client never gets buffered whole.
 */
export async function readLimitedBody(req: Request, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(req.headers.get("content-length") ?? "");
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes);
  if (!req.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = req.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

const tooLarge = (max: number) => new AppError("TOO_LARGE", `The body is larger than ${max} bytes: send smaller batches.`);
