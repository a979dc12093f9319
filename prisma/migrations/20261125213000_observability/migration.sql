-- CreateEnum
CREATE TYPE "LogLevel" AS ENUM ('trace', 'debug', 'info', 'warn', 'error', 'fatal');

-- CreateEnum
CREATE TYPE "SpanStatus" AS ENUM ('unset', 'ok', 'error');

-- CreateEnum
CREATE TYPE "AlertSeverity" AS ENUM ('info', 'warning', 'critical');

-- CreateEnum
CREATE TYPE "AlertState" AS ENUM ('pending', 'firing', 'resolved');

-- CreateTable
CREATE TABLE "LogRecord" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "level" "LogLevel" NOT NULL DEFAULT 'info',
    "source" TEXT NOT NULL,
    "stream" TEXT,
    "body" TEXT NOT NULL,
    "labels" JSONB NOT NULL DEFAULT '{}',
    "pod" TEXT,
    "node" TEXT,
    "workload" TEXT,
    "service" TEXT,
    "traceId" TEXT,
    "spanId" TEXT,

    CONSTRAINT "LogRecord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Span" (
    "traceId" TEXT NOT NULL,
    "spanId" TEXT NOT NULL,
    "parentSpanId" TEXT,
    "name" TEXT NOT NULL,
    "service" TEXT NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'internal',
    "startAt" TIMESTAMPTZ(6) NOT NULL,
    "startUs" BIGINT NOT NULL,
    "durationUs" BIGINT NOT NULL,
    "status" "SpanStatus" NOT NULL DEFAULT 'unset',
    "statusMessage" TEXT,
    "attributes" JSONB NOT NULL DEFAULT '{}',
    "events" JSONB NOT NULL DEFAULT '[]',
    "resource" JSONB NOT NULL DEFAULT '{}',
    "poolId" UUID,
    "podName" TEXT,

    CONSTRAINT "Span_pkey" PRIMARY KEY ("traceId","spanId")
);

-- CreateTable
CREATE TABLE "AlertRule" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "metric" TEXT NOT NULL,
    "matchers" JSONB NOT NULL DEFAULT '{}',
    "aggregation" TEXT NOT NULL DEFAULT 'avg',
    "windowSeconds" INTEGER NOT NULL DEFAULT 60,
    "operator" TEXT NOT NULL DEFAULT 'gt',
    "threshold" DOUBLE PRECISION NOT NULL,
    "forSeconds" INTEGER NOT NULL DEFAULT 0,
    "severity" "AlertSeverity" NOT NULL DEFAULT 'warning',
    "labels" JSONB NOT NULL DEFAULT '{}',
    "groupBy" TEXT[],
    "remediation" JSONB,
    "webhookUrl" TEXT,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AlertRule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Alert" (
    "id" UUID NOT NULL,
    "ruleId" UUID NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "labels" JSONB NOT NULL DEFAULT '{}',
    "state" "AlertState" NOT NULL,
    "severity" "AlertSeverity" NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "summary" TEXT NOT NULL,
    "activeSince" TIMESTAMP(3) NOT NULL,
    "firedAt" TIMESTAMP(3),
    "resolvedAt" TIMESTAMP(3),
    "lastEvalAt" TIMESTAMP(3) NOT NULL,
    "silencedBy" UUID,
    "remediatedAt" TIMESTAMP(3),
    "remediatedBy" TEXT,

    CONSTRAINT "Alert_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AlertEvent" (
    "id" BIGSERIAL NOT NULL,
    "alertId" UUID NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "from" "AlertState",
    "to" "AlertState" NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "note" TEXT,

    CONSTRAINT "AlertEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Silence" (
    "id" UUID NOT NULL,
    "matchers" JSONB NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3) NOT NULL,
    "comment" TEXT NOT NULL,
    "createdBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Silence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AlertNotification" (
    "id" BIGSERIAL NOT NULL,
    "alertId" UUID,
    "groupKey" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastError" TEXT,
    "deliveredAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AlertNotification_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "LogRecord_at_idx" ON "LogRecord"("at");

-- CreateIndex
CREATE INDEX "LogRecord_workload_at_idx" ON "LogRecord"("workload", "at");

-- CreateIndex
CREATE INDEX "LogRecord_pod_at_idx" ON "LogRecord"("pod", "at");

-- CreateIndex
CREATE INDEX "LogRecord_service_at_idx" ON "LogRecord"("service", "at");

-- CreateIndex
CREATE INDEX "LogRecord_traceId_idx" ON "LogRecord"("traceId");

-- CreateIndex
CREATE INDEX "Span_startAt_idx" ON "Span"("startAt");

-- CreateIndex
CREATE INDEX "Span_service_startAt_idx" ON "Span"("service", "startAt");

-- CreateIndex
CREATE INDEX "Span_poolId_startAt_idx" ON "Span"("poolId", "startAt");

-- CreateIndex
CREATE UNIQUE INDEX "AlertRule_name_key" ON "AlertRule"("name");

-- CreateIndex
CREATE INDEX "Alert_ruleId_fingerprint_state_idx" ON "Alert"("ruleId", "fingerprint", "state");

-- CreateIndex
CREATE INDEX "Alert_state_activeSince_idx" ON "Alert"("state", "activeSince");

-- CreateIndex
CREATE INDEX "AlertEvent_alertId_at_idx" ON "AlertEvent"("alertId", "at");

-- CreateIndex
CREATE INDEX "Silence_endsAt_idx" ON "Silence"("endsAt");

-- CreateIndex
CREATE INDEX "AlertNotification_status_nextAttemptAt_idx" ON "AlertNotification"("status", "nextAttemptAt");

-- AddForeignKey
ALTER TABLE "Alert" ADD CONSTRAINT "Alert_ruleId_fkey" FOREIGN KEY ("ruleId") REFERENCES "AlertRule"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AlertEvent" ADD CONSTRAINT "AlertEvent_alertId_fkey" FOREIGN KEY ("alertId") REFERENCES "Alert"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AlertNotification" ADD CONSTRAINT "AlertNotification_alertId_fkey" FOREIGN KEY ("alertId") REFERENCES "Alert"("id") ON DELETE SET NULL ON UPDATE CASCADE;

