import type { Metadata } from "next";
import { CreateUserForm } from "@/components/users/create-user-form";
import { UserTable } from "@/components/users/user-table";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { forbiddenAsNull } from "@/lib/server/actions/load";
import { consoleCtx } from "@/lib/server/auth/session";
import { listUsers } from "@/lib/server/dal/users";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const ctx = await consoleCtx();
  const users = await forbiddenAsNull(() => listUsers({ ctx }));
  return (
    <>
      <PageHeader title="Users" description="Who may sign in, and with which role. Disabling someone signs them out everywhere at once." />
      {users === null ? (
        <EmptyState title="Admins only">Your role ({ctx.principal?.role}) may not manage users. Ask an admin.</EmptyState>
      ) : (
        <div className="space-y-6">
          <UserTable users={users} currentUserId={ctx.principal!.id} />
          <Card title="Add a user" className="max-w-3xl">
            <CreateUserForm />
          </Card>
        </div>
      )}
    </>
  );
}
