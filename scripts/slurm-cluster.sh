#!/usr/bin/env bash
# A single-node Slurm cluster on localhost, for seqsim's real Slurm test
# (after shared/notes/slurm-single-node.sh, tried on these machines).
#   slurm-cluster.sh install   apt-get install slurm and munge if missing
#   slurm-cluster.sh start     configure and start munged, slurmctld, slurmd; wait until idle
#   slurm-cluster.sh stop      stop the daemons this script started
#   slurm-cluster.sh logs      print the daemons' logs
# State, logs and the configuration live under $SEQSIM_SLURM_DIR
# (default /tmp/seqsim-slurm). Needs root (or sudo).
set -euo pipefail
W=${SEQSIM_SLURM_DIR:-/tmp/seqsim-slurm}
SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO=sudo

install_packages() {
  if command -v slurmctld >/dev/null && command -v slurmd >/dev/null && command -v munged >/dev/null && command -v sbatch >/dev/null; then
    return
  fi
  $SUDO apt-get update -qq
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    slurmctld slurmd slurm-client munge >/dev/null
}

running() { [ "$(sinfo -h -o %T 2>/dev/null | head -1)" = idle ] || [ "$(sinfo -h -o %T 2>/dev/null | head -1)" = mixed ] || [ "$(sinfo -h -o %T 2>/dev/null | head -1)" = allocated ]; }

start() {
  install_packages
  if [ -s "$W/slurmctld.pid" ] && running; then echo "slurm: already running"; return; fi
  local H N
  H=$(hostname -s); N=$(nproc)
  $SUDO rm -rf "$W"; mkdir -p "$W"/{ctld,d,log}
  getent hosts "$H" >/dev/null || echo "127.0.0.1 $H" | $SUDO tee -a /etc/hosts >/dev/null
  if [ ! -s /etc/munge/munge.key ]; then
    if command -v mungekey >/dev/null; then $SUDO mungekey --create --force
    else $SUDO /usr/sbin/create-munge-key -f; fi
    $SUDO chown munge:munge /etc/munge/munge.key; $SUDO chmod 400 /etc/munge/munge.key
  fi
  $SUDO tee /etc/slurm/slurm.conf >/dev/null <<CONF
ClusterName=seqsim
SlurmctldHost=$H
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
StateSaveLocation=$W/ctld
SlurmdSpoolDir=$W/d
SlurmctldPidFile=$W/slurmctld.pid
SlurmdPidFile=$W/slurmd.pid
SlurmctldLogFile=$W/log/slurmctld.log
SlurmdLogFile=$W/log/slurmd.log
MailProg=/bin/true
SchedulerType=sched/backfill
SchedulerParameters=batch_sched_delay=0,sched_min_interval=0
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
MpiDefault=none
ReturnToService=2
NodeName=$H NodeAddr=127.0.0.1 CPUs=$N RealMemory=$(( $(awk '/MemTotal/ {print $2}' /proc/meminfo) / 1024 - 512 )) State=UNKNOWN
PartitionName=debug Nodes=$H Default=YES MaxTime=INFINITE State=UP
CONF
  if ! munge -n 2>/dev/null | unmunge >/dev/null 2>&1; then
    $SUDO install -d -o munge -g munge -m 755 /run/munge
    $SUDO runuser -u munge -- /usr/sbin/munged --force  # --force: a killed daemon may have left its socket
    touch "$W/started-munge"
  fi
  $SUDO slurmctld
  $SUDO slurmd
  for _ in $(seq 120); do running && break; sleep 0.5; done
  if ! running; then echo "slurm: node did not become idle" >&2; logs >&2; exit 1; fi
  sinfo
}

stop() {
  set +e
  local pids="" p
  for f in "$W/slurmd.pid" "$W/slurmctld.pid"; do [ -s "$f" ] && pids="$pids $(cat "$f")"; done
  [ -f "$W/started-munge" ] && [ -s /run/munge/munged.pid ] && pids="$pids $(cat /run/munge/munged.pid)"
  for p in $pids; do $SUDO kill "$p" 2>/dev/null; done
  for p in $pids; do for _ in $(seq 50); do [ -d /proc/$p ] || break; sleep 0.2; done; done
  rm -f "$W/slurmd.pid" "$W/slurmctld.pid" "$W/started-munge"
  echo "slurm: stopped"
}

logs() { tail -n 40 "$W"/log/*.log 2>/dev/null || true; }

case "${1:-}" in
  install) install_packages ;;
  start) start ;;
  stop) stop ;;
  logs) logs ;;
  *) echo "usage: $0 install|start|stop|logs" >&2; exit 2 ;;
esac
