#!/usr/bin/env bash
# The supervisor board under a busy shift: operators in the queue and callers waiting, then the latency of what
# the board reads on each change. Usage: bench/board.sh [operators waiting seconds] (default 50 200 20).
source "$(dirname "$0")/common.sh"
bench BoardBench "${1:-50}" "${2:-200}" "${3:-20}"
