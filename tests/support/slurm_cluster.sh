# A private single-node Slurm cluster for tests: munged, slurmctld and slurmd with their
# configuration, sockets, state and logs in one temporary folder, on loopback ports. Source
# after cli_lib.sh and scale_lib.sh; start_slurm starts it and installs an EXIT trap that
# stops every daemon it started (by pid) and removes $work, also when the test fails.
#
# Runs as root (as CI does here): the daemons and jobs run as root.

slurm_pids=()

stop_slurm() {
  local pid
  for pid in "${slurm_pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${slurm_pids[@]}"; do
    for _ in 1 2 3 4 5 6 7 8 9 10; do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -9 "$pid" 2>/dev/null || true
  done
  # slurmstepd processes of jobs still running belong to this cluster's spool folder.
  local step
  for step in $(pgrep -f "slurmstepd.*" 2>/dev/null || true); do
    if grep -qs "$slurm_dir" "/proc/$step/environ" "/proc/$step/cmdline"; then
      kill -9 "$step" 2>/dev/null || true
    fi
  done
}

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

start_slurm() {
  if [ "$(id -u)" -ne 0 ]; then
    echo "SKIP: the Slurm test runs its private cluster as root"; exit 77
  fi
  slurm_dir=$work/slurm
  mkdir -p "$slurm_dir/state" "$slurm_dir/spool" "$slurm_dir/munge"
  chmod 700 "$slurm_dir/munge"
  trap 'stop_slurm; rm -rf "$work"' EXIT
  local host cpus
  host=$(hostname -s)
  cpus=${SLURM_TEST_CPUS:-4}

  # munge: a fresh key, its own socket.
  dd if=/dev/urandom of="$slurm_dir/munge/munge.key" bs=1024 count=1 status=none
  chmod 400 "$slurm_dir/munge/munge.key"
  munged --foreground --force --key-file="$slurm_dir/munge/munge.key" \
    --socket="$slurm_dir/munge/munge.socket" --pid-file="$slurm_dir/munge/munged.pid" \
    --log-file="$slurm_dir/munge/munged.log" --seed-file="$slurm_dir/munge/munged.seed" \
    >"$slurm_dir/munged.out" 2>&1 &
  slurm_pids+=($!)
  for _ in $(seq 50); do [ -S "$slurm_dir/munge/munge.socket" ] && break; sleep 0.1; done

  export SLURM_CONF=$slurm_dir/slurm.conf
  cat >"$SLURM_CONF" <<CONF
ClusterName=paperbagtest
SlurmctldHost=$host(127.0.0.1)
SlurmctldPort=$(free_port)
SlurmdPort=$(free_port)
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
AuthInfo=socket=$slurm_dir/munge/munge.socket
CredType=cred/munge
StateSaveLocation=$slurm_dir/state
SlurmdSpoolDir=$slurm_dir/spool
SlurmctldPidFile=$slurm_dir/slurmctld.pid
SlurmdPidFile=$slurm_dir/slurmd.pid
SlurmctldLogFile=$slurm_dir/slurmctld.log
SlurmdLogFile=$slurm_dir/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
SlurmdParameters=config_overrides
ReturnToService=2
MpiDefault=none
MailProg=/bin/true
NodeName=$host NodeAddr=127.0.0.1 CPUs=$cpus RealMemory=1000 State=UNKNOWN
PartitionName=test Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
  slurmctld -D -i -f "$SLURM_CONF" >"$slurm_dir/slurmctld.out" 2>&1 &
  slurm_pids+=($!)
  slurmd -D -f "$SLURM_CONF" >"$slurm_dir/slurmd.out" 2>&1 &
  slurm_pids+=($!)
  for _ in $(seq 150); do
    if sinfo -h -o '%T' 2>/dev/null | grep -qE '^(idle|mixed|allocated)'; then return 0; fi
    sleep 0.2
  done
  echo "the private Slurm cluster did not come up:" >&2
  tail -5 "$slurm_dir/slurmctld.log" "$slurm_dir/slurmd.log" "$slurm_dir"/*.out >&2 || true
  exit 1
}
