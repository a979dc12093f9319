import { expect, test } from "vitest";
import { TokenBucket } from "./token-bucket";

test("spends up to the burst, then refuses with the seconds until enough tokens return", () => {
  const bucket = new TokenBucket(100, 200, 0);
  expect(bucket.take(150, 0)).toEqual({ ok: true });
  expect(bucket.take(100, 0)).toEqual({ ok: false, retryAfterSeconds: 1 }); // 50 left, needs 50 more at 100/s
  expect(bucket.take(100, 500)).toEqual({ ok: true }); // +50 after half a second
  expect(bucket.take(1, 500)).toEqual({ ok: false, retryAfterSeconds: 1 });
});

test("refills no higher than the burst, and a request over the burst waits a full refill", () => {
  const bucket = new TokenBucket(10, 20, 0);
  expect(bucket.take(20, 60_000)).toEqual({ ok: true });
  expect(bucket.take(1000, 60_000)).toEqual({ ok: false, retryAfterSeconds: 2 });
});
