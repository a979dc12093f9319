import { randomBytes } from "node:crypto";
import { expect, test } from "./fixtures";

/**
 * A big trace: the waterfall renders only the rows in view (a screenful and some overscan, however many spans),
 * scrolls under a time axis that stays put, and keeps selecting, folding and the keyboard working at any depth.
 */
const STAGES = 50;
const STEPS_PER_STAGE = 99;
const SPANS = 1 + STAGES * (1 + STEPS_PER_STAGE);
/** Far fewer than the spans: the pane shows about twenty rows, the virtualizer adds overscan and pinned rows. */
const MAX_ROWS_RENDERED = 80;
const LAST_SPAN = `step ${STAGES - 1}.${STEPS_PER_STAGE - 1}`;

/** OTLP/HTTP JSON: GET /report → stage s (20 ms each) → step s.m (150 µs each), every seventh stage's 50th step failing. */
function bigTrace(traceId: string) {
  const t0 = BigInt(Date.now()) * 1_000_000n;
  const ns = (us: number) => String(t0 + BigInt(Math.round(us * 1000)));
  let next = 0;
  const span = (name: string, parent: string | null, startUs: number, durationUs: number, failed = false) => ({
    traceId,
    spanId: (++next).toString(16).padStart(16, "0"),
    parentSpanId: parent ?? "",
    name,
    kind: parent === null ? 2 : 3,
    startTimeUnixNano: ns(startUs),
    endTimeUnixNano: ns(startUs + durationUs),
    status: failed ? { code: 2, message: "step failed" } : {},
  });
  const resource = (service: string, spans: unknown[]) => ({
    resource: { attributes: [{ key: "service.name", value: { stringValue: service } }] },
    scopeSpans: [{ scope: { name: "e2e" }, spans }],
  });
  const root = span("GET /report", null, 0, STAGES * 20_000);
  const stages = [];
  const steps = [];
  for (let s = 0; s < STAGES; s++) {
    const stage = span(`stage ${s}`, root.spanId, s * 20_000, 20_000);
    stages.push(stage);
    for (let m = 0; m < STEPS_PER_STAGE; m++) steps.push(span(`step ${s}.${m}`, stage.spanId, s * 20_000 + m * 200, 150, s % 7 === 0 && m === 50));
  }
  return { resourceSpans: [resource("reports", [root]), resource("worker", stages), resource("db", steps)] };
}

test("a trace of thousands of spans renders only the rows in view, scrolls to its last span and keeps its keys", async ({ page, api }) => {
  const traceId = randomBytes(16).toString("hex");
  const ingest = await api.post("/v1/traces", { data: bigTrace(traceId) });
  expect(ingest.status()).toBe(200);

  await page.goto(`/traces/${traceId}`);
  const list = page.getByRole("list", { name: "Spans" });
  const rows = list.getByRole("listitem");
  await expect(rows.first()).toContainText("GET /report");
  // Each row tells assistive technology where it stands among all of them, rendered or not.
  await expect(rows.first()).toHaveAttribute("aria-setsize", String(SPANS));
  expect(await rows.count()).toBeLessThan(MAX_ROWS_RENDERED);

  // Scrolling the pane to its end brings the last span into view; the time axis stays above the rows.
  await rows.first().hover();
  await page.mouse.wheel(0, SPANS * 40);
  await expect(rows.last()).toContainText(LAST_SPAN);
  await expect(rows.last()).toBeInViewport();
  await expect(rows.last()).toHaveAttribute("aria-posinset", String(SPANS));
  await expect(page.getByText("Span", { exact: true })).toBeInViewport();
  expect(await rows.count()).toBeLessThan(MAX_ROWS_RENDERED);
  // Only the pane scrolls: the page stays about a screen tall, whatever the rows' full height.
  expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThan(1_000);

  // The keyboard, from the selected root (kept rendered while scrolled away): ↓ selects the next span and scrolls
  // back to it, ← and → fold and unfold it, End and Home jump to the last and the first span.
  const details = page.getByRole("complementary", { name: "Span details" });
  const selectedRow = list.getByRole("button", { pressed: true });
  await rows.first().getByRole("button", { name: /^GET \/report/ }).focus();
  await page.keyboard.press("ArrowDown");
  await expect(details.getByRole("heading", { level: 2 })).toHaveText("stage 0");
  await expect(selectedRow).toBeFocused();
  await expect(selectedRow).toBeInViewport();
  await page.keyboard.press("ArrowLeft");
  await expect(list.getByRole("button", { name: `Show the ${STEPS_PER_STAGE} child spans of stage 0` })).toBeVisible();
  await expect(rows.first()).toHaveAttribute("aria-setsize", String(SPANS - STEPS_PER_STAGE));
  await page.keyboard.press("ArrowRight");
  await expect(rows.first()).toHaveAttribute("aria-setsize", String(SPANS));
  await page.keyboard.press("End");
  await expect(details.getByRole("heading", { level: 2 })).toHaveText(LAST_SPAN);
  await expect(selectedRow).toBeFocused();
  await expect(selectedRow).toBeInViewport();
  await page.keyboard.press("Home");
  await expect(details.getByRole("heading", { level: 2 })).toHaveText("GET /report");
  await expect(selectedRow).toBeInViewport();

  // Selecting by pointer still shows a span's details; folding the root leaves it alone.
  await list.getByText("step 0.3", { exact: true }).click();
  await expect(details.getByRole("heading", { level: 2 })).toHaveText("step 0.3");
  await list.getByRole("button", { name: `Hide the ${STAGES} child spans of GET /report` }).click();
  await expect(rows).toHaveCount(1);
});
