import { Activity, Bell, Boxes, Cpu, FileText, Gauge, LayoutDashboard, Network, ScrollText, Server, Workflow } from "lucide-react";

export interface NavItem {
  href: string;
  label: string;
  icon: typeof Activity;
  /** Areas not built yet are shown, marked "coming", and not linked. */
  coming?: boolean;
}

export const navItems: NavItem[] = [
  { href: "/", label: "Overview", icon: LayoutDashboard },
  { href: "/resources", label: "Resources", icon: Boxes },
  { href: "/nodes", label: "Nodes", icon: Server },
  { href: "/pods", label: "Pods", icon: Cpu },
  { href: "/pools", label: "Pools", icon: Network },
  { href: "/autoscaling", label: "Autoscaling", icon: Gauge, coming: true },
  { href: "/metrics", label: "Metrics", icon: Activity, coming: true },
  { href: "/logs", label: "Logs", icon: FileText, coming: true },
  { href: "/traces", label: "Traces", icon: Workflow, coming: true },
  { href: "/alerts", label: "Alerts", icon: Bell, coming: true },
  { href: "/audit", label: "Audit", icon: ScrollText, coming: true },
];
