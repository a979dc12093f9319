"use client";

import { useRouter } from "next/navigation";
import { useRef, useTransition } from "react";
import { toast } from "sonner";
import { Badge } from "@/components/ui/badge";
import { ConfirmDialogButton } from "@/components/ui/confirm-dialog-button";
import { Button } from "@/components/ui/button";
import { controlClass } from "@/components/ui/field";
import { Table, Td, Th } from "@/components/ui/table";
import { Roles } from "@/lib/auth/roles";
import type { FormState } from "@/lib/forms/form-state";
import { relativeTime } from "@/lib/format";
import type { User } from "@/lib/server/dal/users";
import { setUserDisabledAction, updateUserRoleAction } from "@/app/(console)/users/actions";
import { PasswordDialogButton } from "./password-dialog-button";

function useOutcome() {
  const router = useRouter();
  return (result: FormState) => {
    if (result.status === "ok") toast.success(result.message);
    else if (result.status === "error") toast.error(result.message);
    router.refresh();
  };
}

/** Everyone who may sign in: change a role (saved on change), disable or enable, set a new password. */
export function UserTable({ users, currentUserId }: { users: User[]; currentUserId: string }) {
  return (
    <Table label="Users">
      <thead>
        <tr>
          <Th>Name</Th>
          <Th>Role</Th>
          <Th>Status</Th>
          <Th>Sessions</Th>
          <Th>Added</Th>
          <Th>
            <span className="sr-only">Actions</span>
          </Th>
        </tr>
      </thead>
      <tbody>
        {users.map((u) => (
          <UserRow key={u.id} user={u} isYou={u.id === currentUserId} />
        ))}
      </tbody>
    </Table>
  );
}

function UserRow({ user, isYou }: { user: User; isYou: boolean }) {
  const outcome = useOutcome();
  const [pending, startTransition] = useTransition();
  const select = useRef<HTMLSelectElement>(null);
  return (
    <tr className={user.disabled ? "text-zinc-400 dark:text-zinc-500" : "hover:bg-zinc-50 dark:hover:bg-zinc-800/50"}>
      <Td>
        <span className="font-medium">{user.name}</span>
        {isYou ? <span className="ml-1.5 text-xs text-zinc-500">(you)</span> : null}
        <span className="block text-xs text-zinc-500 dark:text-zinc-400">{user.email}</span>
      </Td>
      <Td>
        <select
          ref={select}
          aria-label={`Role of ${user.name}`}
          defaultValue={user.role}
          disabled={pending}
          className={`${controlClass} w-auto min-w-28 py-1`}
          onChange={(e) => {
            const formData = new FormData();
            formData.set("role", e.target.value);
            startTransition(async () => {
              const result = await updateUserRoleAction(user.id, { status: "idle" }, formData);
              if (result.status === "error" && select.current) select.current.value = user.role;
              outcome(result);
            });
          }}
        >
          {Roles.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
      </Td>
      <Td>{user.disabled ? <Badge tone="bad">disabled</Badge> : <Badge tone="good">active</Badge>}</Td>
      <Td className="tabular-nums">{user.activeSessions ?? 0}</Td>
      <Td className="whitespace-nowrap text-zinc-500">{relativeTime(user.createdAt)}</Td>
      <Td className="w-0 whitespace-nowrap text-right">
        <span className="-my-1 inline-flex gap-1">
          <PasswordDialogButton user={user} />
          {isYou ? null : user.disabled ? (
            <Button
              variant="ghost"
              className="px-2 py-1 text-xs"
              disabled={pending}
              onClick={() => startTransition(async () => outcome(await setUserDisabledAction(user.id, false)))}
              aria-label={`Enable ${user.name}`}
            >
              Enable
            </Button>
          ) : (
            <ConfirmDialogButton
              variant="ghost"
              className="px-2 py-1 text-xs text-red-700 hover:bg-red-50 dark:text-red-400 dark:hover:bg-red-950"
              label="Disable"
              ariaLabel={`Disable ${user.name}`}
              title={`Disable ${user.name}?`}
              body={<p>They are signed out everywhere at once, cannot sign in, and their API tokens stop working until you enable them again.</p>}
              confirmLabel="Disable"
              onConfirm={async () => outcome(await setUserDisabledAction(user.id, true))}
            />
          )}
        </span>
      </Td>
    </tr>
  );
}
