#!/bin/sh
# One stage of `make test`: prints its name, runs it, and prints how long it took and how
# it ended, so a slow or failing stage is plain in CI's log. Usage: stage.sh NAME CMD [ARG...]
name=$1
shift
start=$(date +%s)
echo "== $name"
"$@"
status=$?
echo "== $name: $(($(date +%s) - start)) s, $([ $status -eq 0 ] && echo passed || echo "failed (exit $status)")"
exit $status
