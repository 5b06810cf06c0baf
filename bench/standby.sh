#!/usr/bin/env bash
# What a hot standby costs at 100 calls/s: a listener and a standby on one PostgreSQL database (hotline_bench on
# 127.0.0.1:5432, see README), both logged in to one AMI server; CPU, heap after GC and RSS of each.
# Usage: bench/standby.sh [seconds rate]   (default 90 100; about 2 minutes)
source "$(dirname "$0")/common.sh"
PG_URL=${BENCH_PG_URL:-jdbc:postgresql://127.0.0.1:5432/hotline_bench}
PG_USER=${BENCH_PG_USER:-hotline_bench}
PG_PASSWORD=${BENCH_PG_PASSWORD:-hotline-bench}
# The database kind is fixed at build time: a second packaging for PostgreSQL, beside the H2 one.
if [ "${BENCH_SKIP_BUILD:-0}" != 1 ] || [ ! -f target/quarkus-app-pg/quarkus-run.jar ]; then
  QUARKUS_DATASOURCE_DB_KIND=postgresql $MVN package -DskipTests -Dquarkus.package.output-directory=quarkus-app-pg
fi
BENCH_JAVA_OPTS="-Dbench.app=target/quarkus-app-pg ${BENCH_JAVA_OPTS:-}" bench StandbyBench "$PG_URL" "$PG_USER" "$PG_PASSWORD" "$@"
