# The local stack's supervisor (sourced by run.sh): a component that ends on its own (killed, out of
# memory, a bug) is started again with the same settings, as Kubernetes and Compose restart a
# failed container; only a crash loop (OSTSEE_CRASH_LIMIT deaths within OSTSEE_CRASH_WINDOW
# seconds, default 3 in 60) stops the stack, with the end of that component's log.
#
#   start_x() { some command >>"$log" 2>&1 & sv_started x $! "$log" start_x; }
#   start_x; ...; sv_supervise   # returns 1 on a crash loop
#
# The caller defines say (one line to the terminal). pids holds the components' current process
# ids in start order (run.sh's stop_all stops them from the last to the first).

pids=()
declare -A sv_pid=() sv_log=() sv_restart=() sv_index=() sv_deaths=()
sv_names=()
sv_limit="${OSTSEE_CRASH_LIMIT:-3}"
sv_window="${OSTSEE_CRASH_WINDOW:-60}"

# sv_started NAME PID LOG RESTART: NAME runs as PID, logs to LOG, and is started again by RESTART.
sv_started() {
  local name=$1
  if [ -z "${sv_index[$name]:-}" ]; then
    sv_index[$name]=${#pids[@]}
    sv_names+=("$name")
    pids+=("$2")
  else
    pids[${sv_index[$name]}]=$2
  fi
  sv_pid[$name]=$2
  sv_log[$name]=$3
  sv_restart[$name]=$4
}

# Watches the components (a look a second); one that ended is started again, or, on a crash loop,
# returns 1 after saying which and showing the end of its log. Ctrl-C is the caller's trap.
# (Polling, not `wait -n`: bash may reap a child that dies at once before `wait -n` runs, and
# `wait -n` then waits for the others; `wait PID` still gives the status of a reaped child.)
sv_supervise() {
  local name pid code now recent t
  while true; do
    for name in "${sv_names[@]}"; do
      pid=${sv_pid[$name]}
      kill -0 "$pid" 2>/dev/null && continue
      code=0
      wait "$pid" 2>/dev/null || code=$?
      now=$(date +%s)
      recent=""
      for t in ${sv_deaths[$name]:-} "$now"; do
        (( now - t < sv_window )) && recent+="$t "
      done
      sv_deaths[$name]=$recent
      set -- $recent
      if (( $# >= sv_limit )); then
        say "$name ended $# times within $sv_window s (last exit code $code$(sv_signal "$code")): a crash loop, so the stack stops."
        say "The last lines of its log (${sv_log[$name]}):"
        tail -n 30 "${sv_log[$name]}" | sed 's/^/    /'
        return 1
      fi
      say "$name ended on its own (exit code $code$(sv_signal "$code")); starting it again with the same settings (log: ${sv_log[$name]})."
      eval "${sv_restart[$name]}"
    done
    sleep 1
  done
}

# ", killed by SIGKILL" and the like for an exit code above 128.
sv_signal() {
  (( $1 > 128 )) || return 0
  local signal
  signal=$(kill -l $(($1 - 128)) 2>/dev/null) || return 0
  printf ', killed by SIG%s' "$signal"
}
