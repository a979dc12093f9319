import "server-only";
import { promisify } from "node:util";
import { gunzip } from "node:zlib";
import { AppError } from "../errors";

const gunzipAsync = promisify(gunzip);

/**
 * Inflate a gzip body, refusing (413) as soon as the output passes `maxBytes`: zlib stops there, so a small "gzip
 * bomb" never grows past the limit a plain body has. Bytes that are not gzip are a 400.
 */
export async function gunzipLimited(bytes: Uint8Array, maxBytes: number): Promise<Uint8Array> {
  try {
    return await gunzipAsync(bytes, { maxOutputLength: Math.max(1, maxBytes) });
  } catch (error) {
    if (error instanceof RangeError || (error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") {
      throw new AppError("TOO_LARGE", `The body inflates to more than ${maxBytes} bytes: send smaller batches.`);
    }
    throw new AppError("BAD_REQUEST", "The body is not valid gzip (Content-Encoding: gzip).");
  }
}
