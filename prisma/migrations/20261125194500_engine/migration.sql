-- AlterTable
ALTER TABLE "Node" ADD COLUMN     "agentStopped" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Pod" ADD COLUMN     "hostPort" INTEGER,
ADD COLUMN     "killRequested" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "message" TEXT,
ADD COLUMN     "pid" INTEGER,
ADD COLUMN     "startedAt" TIMESTAMP(3),
ADD COLUMN     "usage" JSONB;

-- CreateTable
CREATE TABLE "EngineLease" (
    "name" TEXT NOT NULL,
    "holder" TEXT NOT NULL,
    "epoch" INTEGER NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "renewedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "EngineLease_pkey" PRIMARY KEY ("name")
);

-- CreateTable
CREATE TABLE "EngineLoop" (
    "name" TEXT NOT NULL,
    "holder" TEXT NOT NULL,
    "epoch" INTEGER NOT NULL,
    "lastTickAt" TIMESTAMP(3) NOT NULL,
    "durationMs" INTEGER NOT NULL,
    "error" TEXT,

    CONSTRAINT "EngineLoop_pkey" PRIMARY KEY ("name")
);

-- CreateTable
CREATE TABLE "HealthTransition" (
    "id" BIGSERIAL NOT NULL,
    "backendId" UUID NOT NULL,
    "poolId" UUID NOT NULL,
    "from" "BackendHealth" NOT NULL,
    "to" "BackendHealth" NOT NULL,
    "reason" TEXT NOT NULL,
    "detail" TEXT,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "HealthTransition_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PoolStats" (
    "poolId" UUID NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "stats" JSONB NOT NULL,

    CONSTRAINT "PoolStats_pkey" PRIMARY KEY ("poolId")
);

-- CreateTable
CREATE TABLE "Autoscaler" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "targetId" UUID NOT NULL,
    "policy" JSONB NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "history" JSONB NOT NULL DEFAULT '{}',
    "status" JSONB NOT NULL DEFAULT '{}',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Autoscaler_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ScaleDecision" (
    "id" BIGSERIAL NOT NULL,
    "autoscalerId" UUID NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "currentReplicas" INTEGER NOT NULL,
    "desiredReplicas" INTEGER NOT NULL,
    "action" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "explanation" JSONB NOT NULL,

    CONSTRAINT "ScaleDecision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Setting" (
    "key" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Setting_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "HealthTransition_backendId_at_idx" ON "HealthTransition"("backendId", "at");

-- CreateIndex
CREATE INDEX "HealthTransition_poolId_at_idx" ON "HealthTransition"("poolId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "Autoscaler_name_key" ON "Autoscaler"("name");

-- CreateIndex
CREATE UNIQUE INDEX "Autoscaler_targetId_key" ON "Autoscaler"("targetId");

-- CreateIndex
CREATE INDEX "ScaleDecision_autoscalerId_at_idx" ON "ScaleDecision"("autoscalerId", "at");

-- AddForeignKey
ALTER TABLE "HealthTransition" ADD CONSTRAINT "HealthTransition_backendId_fkey" FOREIGN KEY ("backendId") REFERENCES "Backend"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PoolStats" ADD CONSTRAINT "PoolStats_poolId_fkey" FOREIGN KEY ("poolId") REFERENCES "Pool"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Autoscaler" ADD CONSTRAINT "Autoscaler_targetId_fkey" FOREIGN KEY ("targetId") REFERENCES "Resource"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScaleDecision" ADD CONSTRAINT "ScaleDecision_autoscalerId_fkey" FOREIGN KEY ("autoscalerId") REFERENCES "Autoscaler"("id") ON DELETE CASCADE ON UPDATE CASCADE;

