#!/usr/bin/env bash
# The REST API over 1,000,000 tickets on H2: open-loop fixed-rate load on loopback (reads at 500/s, triage
# PUTs at a fifth of that), latency measured from each request's due time.
# Usage: bench/api.sh [tickets [rate [seconds]]]
source "$(dirname "$0")/common.sh"
bench ApiBench "$@"
