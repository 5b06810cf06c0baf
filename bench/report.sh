#!/usr/bin/env bash
# The monthly report of October 2026 with 1,000,000 calls and 300,000 tickets: on H2, then on PostgreSQL
# (database hotline_bench on 127.0.0.1:5432, see README), beside the hand-written SQL floor.
# Usage: bench/report.sh [h2|pg|both] [calls tickets]
source "$(dirname "$0")/common.sh"
WHICH=${1:-both}; shift || true
PG_URL=${BENCH_PG_URL:-jdbc:postgresql://127.0.0.1:5432/hotline_bench}
PG_USER=${BENCH_PG_USER:-hotline_bench}
PG_PASSWORD=${BENCH_PG_PASSWORD:-hotline-bench}
if [ "$WHICH" != pg ]; then
  bench ReportBench h2 "$@"
fi
if [ "$WHICH" != h2 ]; then
  # The database kind is fixed at build time: a second packaging for PostgreSQL, beside the H2 one.
  if [ "${BENCH_SKIP_BUILD:-0}" != 1 ] || [ ! -f target/quarkus-app-pg/quarkus-run.jar ]; then
    QUARKUS_DATASOURCE_DB_KIND=postgresql $MVN package -DskipTests -Dquarkus.package.output-directory=quarkus-app-pg
  fi
  BENCH_JAVA_OPTS="-Dbench.app=target/quarkus-app-pg ${BENCH_JAVA_OPTS:-}" bench ReportBench pg "$PG_URL" "$PG_USER" "$PG_PASSWORD" "$@"
fi
