-- CreateEnum
CREATE TYPE "MetricKind" AS ENUM ('counter', 'gauge', 'histogram', 'summary');

-- CreateTable
CREATE TABLE "MetricSeries" (
    "id" BIGSERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "MetricKind" NOT NULL,
    "labels" JSONB NOT NULL,
    "labelsHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MetricSeries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MetricSample" (
    "seriesId" BIGINT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "bounds" DOUBLE PRECISION[],
    "buckets" DOUBLE PRECISION[],
    "count" DOUBLE PRECISION,

    CONSTRAINT "MetricSample_pkey" PRIMARY KEY ("seriesId","at")
);

-- CreateTable
CREATE TABLE "MetricRollup" (
    "seriesId" BIGINT NOT NULL,
    "bucket" TIMESTAMPTZ(3) NOT NULL,
    "min" DOUBLE PRECISION NOT NULL,
    "max" DOUBLE PRECISION NOT NULL,
    "sum" DOUBLE PRECISION NOT NULL,
    "count" INTEGER NOT NULL,
    "last" DOUBLE PRECISION NOT NULL,
    "bounds" DOUBLE PRECISION[],
    "buckets" DOUBLE PRECISION[],

    CONSTRAINT "MetricRollup_pkey" PRIMARY KEY ("seriesId","bucket")
);

-- CreateIndex
CREATE UNIQUE INDEX "MetricSeries_name_labelsHash_key" ON "MetricSeries"("name", "labelsHash");

-- CreateIndex
CREATE INDEX "MetricSample_at_idx" ON "MetricSample"("at");

-- CreateIndex
CREATE INDEX "MetricRollup_bucket_idx" ON "MetricRollup"("bucket");

-- AddForeignKey
ALTER TABLE "MetricSample" ADD CONSTRAINT "MetricSample_seriesId_fkey" FOREIGN KEY ("seriesId") REFERENCES "MetricSeries"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MetricRollup" ADD CONSTRAINT "MetricRollup_seriesId_fkey" FOREIGN KEY ("seriesId") REFERENCES "MetricSeries"("id") ON DELETE CASCADE ON UPDATE CASCADE;

