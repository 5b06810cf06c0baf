#!/usr/bin/env bash
# The e-mail outbox under a backlog: N messages waiting (default 10000) sent by the packaged application to a
# real SMTP server in the benchmark's JVM; throughput, none lost, none doubled.
# Usage: bench/outbox.sh [N]
source "$(dirname "$0")/common.sh"
bench NotificationBench "$@"
