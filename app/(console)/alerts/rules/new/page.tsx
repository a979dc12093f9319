import type { Metadata } from "next";
import { AlertRuleForm } from "@/components/alerts/alert-rule-form";
import { PageHeader } from "@/components/ui/page-header";
import { consoleCtx } from "@/lib/server/auth/session";
import { createAlertRuleAction } from "../../actions";
import { ruleFormChoices } from "../load";

export const metadata: Metadata = { title: "New alert rule" };

export default async function NewAlertRulePage() {
  const choices = await ruleFormChoices(await consoleCtx());
  return (
    <>
      <PageHeader title="New alert rule" description="What to measure, when it is a problem, and what an operator can do about it in one click." />
      <AlertRuleForm action={createAlertRuleAction} {...choices} />
    </>
  );
}
