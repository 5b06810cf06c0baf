#!/usr/bin/env bash
# Call capture: the bare asterisk-java ceiling and the packaged application, on the full stream and on the
# stream manager.conf's eventfilter lines leave, then Hangup-to-readable latency at 100 calls/s.
# Usage: bench/capture.sh [N ...]   (default: 2000 10000). Each run is bounded (< 3 minutes).
source "$(dirname "$0")/common.sh"
SIZES=("${@:-2000 10000}")
for n in ${SIZES[@]}; do
  for stream in full filtered; do
    bench CaptureBench bare "$stream" "$n"
    bench CaptureBench app "$stream" "$n"
  done
done
for stream in filtered full; do
  bench CaptureBench latency "$stream" 30 100
done
