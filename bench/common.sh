# Sourced by the bench/*.sh scripts: builds the packaged application and the benchmark classes (test tree,
# package vn.gov.moit.hotline.bench, compiled only with -Pbench; the *Bench names match neither surefire's nor
# failsafe's patterns, so no test run starts them), then runs one benchmark class on the test classpath.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
MVN="mvn -o -q -Pbench"
if [ "${BENCH_SKIP_BUILD:-0}" != 1 ]; then
  $MVN package -DskipTests
  $MVN dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
fi
bench() {
  local class=$1; shift
  echo "# $(date -u +%FT%TZ) nproc=$(nproc) $(cut -d' ' -f1-3 /proc/loadavg | sed 's/^/load /') $class $*" >&2
  java -Djava.util.logging.manager=org.jboss.logmanager.LogManager ${BENCH_JAVA_OPTS:-} -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
    "vn.gov.moit.hotline.bench.$class" "$@"
}
