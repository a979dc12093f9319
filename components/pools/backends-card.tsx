"use client";

import { useVersionedForm } from "@/components/forms/use-versioned-form";
import { RoleGate } from "@/components/auth/role-gate";
import { WriteFieldset } from "@/components/auth/write-fieldset";
import { useQueryClient } from "@tanstack/react-query";
import { Pencil, Trash2 } from "lucide-react";
import Link from "next/link";
import { useCallback, useEffect, useRef, useState } from "react";
import { toast } from "sonner";
import { Pager } from "@/components/lists/pager";
import { useLiveList } from "@/components/lists/use-live-list";
import { FormFeedback } from "@/components/forms/form-feedback";
import { Badge, type Tone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ConfirmDialogButton } from "@/components/ui/confirm-dialog-button";
import { controlClass, InputField } from "@/components/ui/field";
import { Row, Td, Th } from "@/components/ui/table";
import { useFormAction } from "@/components/forms/use-form-action";
import { backendKeys, poolKeys } from "@/lib/query-keys";
import type { FormState } from "@/lib/forms/form-state";
import type { Page } from "@/lib/schemas/list";
import type { Backend } from "@/lib/server/dal/backends";
import { backendsQuery } from "./backends-query";
import { createBackendAction, deleteBackendAction, listBackendsAction, updateBackendAction } from "@/app/(console)/pools/actions";

const healthTone: Record<Backend["health"], Tone> = { healthy: "good", unhealthy: "bad", unknown: "neutral" };

/** After a backend change: refresh this pool's backends and the pool list's counts. */
function useInvalidate() {
  const queryClient = useQueryClient();
  return useCallback(
    () => Promise.all([queryClient.invalidateQueries({ queryKey: backendKeys.all }), queryClient.invalidateQueries({ queryKey: poolKeys.all })]),
    [queryClient],
  );
}

/** Run `effect` once per successful action result (not on every re-render while the state stays "ok"). */
function useOnSuccess(state: FormState, effect: (message: string) => void) {
  const handled = useRef<FormState | null>(null);
  useEffect(() => {
    if (state.status !== "ok" || handled.current === state) return;
    handled.current = state;
    effect(state.message);
  });
}

/** The pool's backends, live, with add, per-row edit of weight / max connections, and remove. */
export function BackendsCard({ poolId, initial }: { poolId: string; initial?: Page<Backend> }) {
  const [cursor, setCursor] = useState<string>();
  const query = { poolId, ...backendsQuery(cursor) };
  const { data, error, isFetching } = useLiveList(backendKeys.list(query), () => listBackendsAction(poolId, backendsQuery(cursor)), cursor ? undefined : initial);
  const [editing, setEditing] = useState<string | null>(null);
  const backends = data?.items ?? [];

  return (
    <Card title={`Backends${data ? ` (${backends.length}${data.nextCursor ? "+" : ""})` : ""}`}>
      {error ? <p role="alert" className="mb-3 text-sm text-red-600 dark:text-red-400">{error.message}</p> : null}
      {data && backends.length === 0 && !cursor ? (
        <p className="pb-4 text-sm text-zinc-500">No backends yet: add the first one below. Traffic has nowhere to go until then.</p>
      ) : (
        <div className="-mx-4 -mt-4 mb-4 overflow-x-auto">
          <table aria-label="Backends" className="w-full text-left text-sm">
            <thead>
              <tr>
                <Th>Address</Th>
                <Th style={{ textAlign: "right" }}>Weight</Th>
                <Th style={{ textAlign: "right" }}>Max connections</Th>
                <Th>Health</Th>
                <Th>
                  <span className="sr-only">Actions</span>
                </Th>
              </tr>
            </thead>
            <tbody aria-busy={isFetching}>
              {backends.map((b) =>
                editing === b.id ? (
                  <EditRow key={b.id} poolId={poolId} backend={b} onDone={() => setEditing(null)} />
                ) : (
                  <Row key={b.id}>
                    <Td className="font-mono text-[13px] whitespace-nowrap">
                      <Link href={`/pools/${poolId}/backends/${b.id}`} className="text-sky-700 hover:underline dark:text-sky-400">
                        {b.address}:{b.port}
                      </Link>
                    </Td>
                    <Td className="text-right tabular-nums">{b.weight}</Td>
                    <Td className="text-right tabular-nums">{b.maxConnections.toLocaleString("en-GB")}</Td>
                    <Td className="whitespace-nowrap">
                      <Badge tone={healthTone[b.health]}>{b.health}</Badge> <RotationBadge backend={b} />
                    </Td>
                    <Td className="w-0 whitespace-nowrap text-right">
                      <RoleGate need="write" mode="hide">
                        {() => (
                      <span className="-my-1 inline-flex gap-1">
                        <Button variant="ghost" className="px-2 py-1 text-xs" onClick={() => setEditing(b.id)} aria-label={`Edit ${b.address}:${b.port}`}>
                          <Pencil className="size-3.5" aria-hidden /> Edit
                        </Button>
                        <RemoveButton poolId={poolId} backend={b} />
                      </span>
                        )}
                      </RoleGate>
                    </Td>
                  </Row>
                ),
              )}
            </tbody>
          </table>
        </div>
      )}
      {data && (cursor || data.nextCursor) ? (
        <div className="-mt-2 mb-4">
          <Pager cursor={cursor} nextCursor={data.nextCursor} count={backends.length} onPage={setCursor} />
        </div>
      ) : null}
      <AddBackendForm poolId={poolId} />
    </Card>
  );
}

function RemoveButton({ poolId, backend }: { poolId: string; backend: Backend }) {
  const invalidate = useInvalidate();
  const where = `${backend.address}:${backend.port}`;
  return (
    <ConfirmDialogButton
      variant="ghost"
      className="px-2 py-1 text-xs text-red-700 hover:bg-red-50 dark:text-red-400 dark:hover:bg-red-950"
      label={
        <>
          <Trash2 className="size-3.5" aria-hidden /> Remove
        </>
      }
      ariaLabel={`Remove ${where}`}
      title={`Remove backend ${where}?`}
      body={<p>The pool stops sending it traffic. The removal is recorded in the audit trail.</p>}
      confirmLabel="Remove"
      onConfirm={async () => {
        const result = await deleteBackendAction(poolId, backend.id, backend.version);
        if (result.status === "ok") toast.success(result.message);
        else if (result.status === "error") toast.error(result.message);
        await invalidate();
      }}
    />
  );
}

const cellInput = `${controlClass} text-right tabular-nums`;

/** Taken out of rotation by a person or an alert's remediation: never picked, whatever its health. */
function RotationBadge({ backend }: { backend: Backend }) {
  return backend.disabled ? (
    <span title="Out of rotation: the balancer never picks it. Edit the backend to put it back.">
      <Badge tone="warn">out of rotation</Badge>
    </span>
  ) : null;
}

function EditRow({ poolId, backend, onDone }: { poolId: string; backend: Backend; onDone: () => void }) {
  const { state, dispatch, onSubmit, pending } = useFormAction(updateBackendAction.bind(null, poolId, backend.id));
  const invalidate = useInvalidate();
  const { form, versionInput, overwrite } = useVersionedForm();
  const formId = `backend-${backend.id}`;
  const errors = state.status === "error" ? state.fieldErrors : {};
  useOnSuccess(state, (message) => {
    toast.success(message);
    void invalidate();
    onDone();
  });

  const field = (name: "weight" | "maxConnections", label: string, value: number) => (
    <Td className="text-right">
      <div className="ml-auto w-28">
      <input
        form={formId}
        name={`${name}:number`}
        type="number"
        min={1}
        defaultValue={value}
        aria-label={`${label} for ${backend.address}:${backend.port}`}
        aria-invalid={Boolean(errors[name])}
        aria-describedby={`${formId}-${name}-error`}
        className={cellInput}
      />
      <p id={`${formId}-${name}-error`} aria-live="polite" className="mt-1 text-xs text-red-600 dark:text-red-400">
        {errors[name]}
      </p>
      </div>
    </Td>
  );

  return (
    <>
      <tr className="bg-sky-50/50 dark:bg-sky-950/20">
        <Td className="font-mono text-[13px] whitespace-nowrap">
          {backend.address}:{backend.port}
        </Td>
        {field("weight", "Weight", backend.weight)}
        {field("maxConnections", "Max connections", backend.maxConnections)}
        <Td>
          <Badge tone={healthTone[backend.health]}>{backend.health}</Badge>
          <select
            form={formId}
            name="disabled:bool"
            defaultValue={String(backend.disabled)}
            aria-label={`Rotation of ${backend.address}:${backend.port}`}
            className={`${cellInput} mt-1 block w-36`}
          >
            <option value="false">In rotation</option>
            <option value="true">Out of rotation</option>
          </select>
        </Td>
        <Td className="w-0 whitespace-nowrap text-right">
          <form ref={form} id={formId} action={dispatch} onSubmit={onSubmit} noValidate className="-my-1 inline-flex gap-1">
<WriteFieldset quiet>
            <input ref={versionInput} type="hidden" name="version:number" defaultValue={backend.version} />
            <Button type="submit" className="px-2 py-1 text-xs" disabled={pending} aria-label={`Save ${backend.address}:${backend.port}`}>
              {pending ? "Saving…" : "Save"}
            </Button>
            <Button variant="ghost" className="px-2 py-1 text-xs" onClick={onDone} aria-label={`Cancel editing ${backend.address}:${backend.port}`}>
              Cancel
            </Button>
          </WriteFieldset>
</form>
        </Td>
      </tr>
      {state.status === "error" && !Object.keys(errors).length ? (
        <tr>
          <td colSpan={5} className="border-b border-zinc-100 px-3 py-2 dark:border-zinc-800">
            <FormFeedback
              state={state}
              onOverwrite={overwrite}
            />
          </td>
        </tr>
      ) : null}
    </>
  );
}

function AddBackendForm({ poolId }: { poolId: string }) {
  const { state, dispatch, onSubmit, pending } = useFormAction(createBackendAction.bind(null, poolId));
  const invalidate = useInvalidate();
  const form = useRef<HTMLFormElement>(null);
  const errors = state.status === "error" ? state.fieldErrors : {};
  useOnSuccess(state, () => {
    form.current?.reset();
    void invalidate();
  });

  return (
    <form ref={form} action={dispatch} onSubmit={onSubmit} noValidate aria-label="Add backend" className="space-y-3">
<WriteFieldset quiet>
      <h3 className="text-sm font-medium">Add backend</h3>
      <div className="grid grid-cols-[minmax(0,2fr)_minmax(0,1fr)_minmax(0,1fr)_minmax(0,1fr)_auto] items-start gap-3">
        <InputField name="address" label="Address" placeholder="10.0.1.12 or web-1.internal" error={errors.address} autoComplete="off" />
        <InputField name="port:number" label="Port" type="number" min={1} max={65535} placeholder="8080" error={errors.port} />
        <InputField name="weight:number" label="Weight" type="number" min={1} defaultValue={1} error={errors.weight} />
        <InputField name="maxConnections:number" label="Max connections" type="number" min={1} defaultValue={1000} error={errors.maxConnections} />
        <Button type="submit" disabled={pending} className="mt-6">
          {pending ? "Adding…" : "Add"}
        </Button>
      </div>
      <FormFeedback state={state} />
    </WriteFieldset>
</form>
  );
}
