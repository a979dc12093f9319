import { Activity, Bell, Boxes, Cpu, FileText, Gauge, KeyRound, LayoutDashboard, Network, ScrollText, Server, Users, Workflow } from "lucide-react";
import type { ComponentType } from "react";
import { AlertsNavCount } from "@/components/alerts/alerts-nav-count";
import type { Permission } from "@/lib/auth/roles";

export interface NavItem {
  href: string;
  label: string;
  icon: typeof Activity;
  /** Areas not built yet are shown, marked "coming", and not linked. */
  coming?: boolean;
  /** Shown only to roles with this permission (the page itself is still guarded by the data layer). */
  need?: Permission;
  /** A live count shown beside the label (e.g. firing alerts). */
  count?: ComponentType;
}

export const navItems: NavItem[] = [
  { href: "/", label: "Overview", icon: LayoutDashboard },
  { href: "/resources", label: "Resources", icon: Boxes },
  { href: "/nodes", label: "Nodes", icon: Server },
  { href: "/pods", label: "Pods", icon: Cpu },
  { href: "/pools", label: "Pools", icon: Network },
  { href: "/autoscaling", label: "Autoscaling", icon: Gauge },
  { href: "/metrics/explore", label: "Metrics", icon: Activity },
  { href: "/logs", label: "Logs", icon: FileText },
  { href: "/traces", label: "Traces", icon: Workflow },
  { href: "/alerts", label: "Alerts", icon: Bell, count: AlertsNavCount },
  { href: "/audit", label: "Audit", icon: ScrollText },
  { href: "/tokens", label: "API tokens", icon: KeyRound },
  { href: "/users", label: "Users", icon: Users, need: "admin" },
];
