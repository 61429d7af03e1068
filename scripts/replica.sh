#!/usr/bin/env bash
# A streaming replica (hot standby) of the local PostgreSQL on another port, for DATABASE_READ_URL.
# Idempotent: a second `start` changes nothing. What it changes on the primary, once: a
# "host replication" line for 127.0.0.1 in pg_hba.conf (then a reload) and a physical replication slot
# (so the primary keeps the WAL the replica still needs). `remove` drops the slot and the replica's
# data directory; the pg_hba.conf line stays (remove it by hand if you like).
#
# Usage: sudo bash scripts/replica.sh [start|restart|stop|status|remove]        (default: start)
# Env:   PRIMARY_PORT (5432), REPLICA_PORT (5433), REPLICA_DIR (/tmp/customer-matching-replica-<port>),
#        PG_BIN (/usr/lib/postgresql/15/bin), REPLICA_SHARED_BUFFERS (128MB; e.g. 2GB to hold the HNSW indexes)
# Then:  DATABASE_READ_URL=postgres://postgres@127.0.0.1:5433/<database>
set -euo pipefail

PRIMARY_HOST=127.0.0.1
PRIMARY_PORT="${PRIMARY_PORT:-5432}"
REPLICA_PORT="${REPLICA_PORT:-5433}"
REPLICA_DIR="${REPLICA_DIR:-/tmp/customer-matching-replica-${REPLICA_PORT}}"
PG_BIN="${PG_BIN:-/usr/lib/postgresql/15/bin}"
SLOT="customer_matching_replica_${REPLICA_PORT}"
SHARED_BUFFERS="${REPLICA_SHARED_BUFFERS:-128MB}"

log() { printf '[replica] %s\n' "$*"; }
die() { printf '[replica] error: %s\n' "$*" >&2; exit 1; }

# PostgreSQL refuses to run as root: the server commands run as the postgres user.
as_postgres() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
primary_sql() { psql -h "$PRIMARY_HOST" -p "$PRIMARY_PORT" -U postgres -d postgres -qAtX -c "$1"; }
replica_sql() { psql -h 127.0.0.1 -p "$REPLICA_PORT" -U postgres -d postgres -qAtX -c "$1"; }
running() { [ -f "$REPLICA_DIR/PG_VERSION" ] && as_postgres "$PG_BIN/pg_ctl" -D "$REPLICA_DIR" status >/dev/null 2>&1; }

check_primary() {
  [ -x "$PG_BIN/pg_basebackup" ] || die "no $PG_BIN/pg_basebackup (set PG_BIN)"
  primary_sql 'select 1' >/dev/null || die "the primary on $PRIMARY_HOST:$PRIMARY_PORT does not answer"
  local wal_level senders
  wal_level=$(primary_sql 'show wal_level')
  senders=$(primary_sql 'show max_wal_senders')
  # Both need a restart of the primary, which this script does not do to a server others may use.
  [ "$wal_level" = replica ] || [ "$wal_level" = logical ] \
    || die "wal_level is $wal_level: run ALTER SYSTEM SET wal_level = replica; and restart the primary"
  [ "$senders" -gt 0 ] || die "max_wal_senders is 0: ALTER SYSTEM SET max_wal_senders = 10; and restart the primary"
  log "primary $PRIMARY_HOST:$PRIMARY_PORT: wal_level $wal_level, max_wal_senders $senders"
}

allow_replication_connections() {
  local hba
  hba=$(primary_sql 'show hba_file')
  if grep -Eq "^[[:space:]]*host[[:space:]]+replication[[:space:]]+(all|postgres)[[:space:]]+127\.0\.0\.1/32" "$hba"; then
    log "pg_hba.conf already allows replication from 127.0.0.1"
    return
  fi
  [ -w "$hba" ] || die "$hba needs a line 'host replication postgres 127.0.0.1/32 trust' (run as root to add it)"
  printf '\n# added by customer-matching scripts/replica.sh: streaming replica on this machine\nhost replication postgres 127.0.0.1/32 trust\n' >> "$hba"
  primary_sql 'select pg_reload_conf()' >/dev/null
  log "added 'host replication postgres 127.0.0.1/32 trust' to $hba and reloaded"
}

ensure_slot() {
  if [ "$(primary_sql "select count(*) from pg_replication_slots where slot_name = '$SLOT'")" = 0 ]; then
    primary_sql "select pg_create_physical_replication_slot('$SLOT')" >/dev/null
    log "created replication slot $SLOT on the primary"
  fi
}

base_backup() {
  if [ -f "$REPLICA_DIR/PG_VERSION" ]; then
    log "replica data directory $REPLICA_DIR exists"
    return
  fi
  log "copying the primary into $REPLICA_DIR (pg_basebackup, WAL streamed alongside)"
  mkdir -p "$REPLICA_DIR"
  [ "$(id -u)" = 0 ] && chown postgres:postgres "$REPLICA_DIR"
  chmod 700 "$REPLICA_DIR"
  # -R writes standby.signal and primary_conninfo (+ the slot) into postgresql.auto.conf.
  as_postgres "$PG_BIN/pg_basebackup" -h "$PRIMARY_HOST" -p "$PRIMARY_PORT" -U postgres -D "$REPLICA_DIR" \
    -X stream -S "$SLOT" -R -c fast
}

write_config() {
  # Debian keeps the primary's configuration outside its data directory, so the copy has none: write a
  # minimal one. hot_standby_feedback keeps the primary's vacuum from cancelling long reads here.
  as_postgres tee "$REPLICA_DIR/postgresql.conf" >/dev/null <<EOF
# written by scripts/replica.sh
port = $REPLICA_PORT
listen_addresses = '127.0.0.1'
unix_socket_directories = '$REPLICA_DIR'
hot_standby = on
hot_standby_feedback = on
shared_buffers = $SHARED_BUFFERS
logging_collector = off
EOF
  as_postgres tee "$REPLICA_DIR/pg_hba.conf" >/dev/null <<EOF
# written by scripts/replica.sh: local connections only, as on the primary
local all all trust
host all all 127.0.0.1/32 trust
EOF
}

start() {
  check_primary
  allow_replication_connections
  ensure_slot
  base_backup
  write_config
  if running; then
    log "replica already running on port $REPLICA_PORT"
  else
    as_postgres "$PG_BIN/pg_ctl" -D "$REPLICA_DIR" -l "$REPLICA_DIR/replica.log" -w -t 120 start >/dev/null
    log "started the replica on 127.0.0.1:$REPLICA_PORT (log: $REPLICA_DIR/replica.log)"
  fi
  for _ in $(seq 1 60); do
    [ "$(replica_sql 'select pg_is_in_recovery()' 2>/dev/null)" = t ] && break
    sleep 1
  done
  [ "$(replica_sql 'select pg_is_in_recovery()')" = t ] || die "the server on port $REPLICA_PORT is not a standby"
  status
}

status() {
  if running; then log "replica on 127.0.0.1:$REPLICA_PORT is running, in recovery: $(replica_sql 'select pg_is_in_recovery()')"; else log "replica on port $REPLICA_PORT is not running"; fi
  primary_sql "select 'primary sees ' || coalesce(application_name, '?') || ': ' || state || ', replay behind by ' || coalesce(pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn), 0) || ' bytes' from pg_stat_replication" \
    | sed 's/^/[replica] /'
  primary_sql "select 'slot $SLOT holds ' || pg_size_pretty(pg_wal_lsn_diff(pg_current_wal_lsn(), restart_lsn)) || ' of WAL' from pg_replication_slots where slot_name = '$SLOT'" \
    | sed 's/^/[replica] /'
}

stop() {
  if running; then
    as_postgres "$PG_BIN/pg_ctl" -D "$REPLICA_DIR" -m fast -w stop >/dev/null
    log "stopped the replica (the slot keeps WAL for it on the primary until: $0 remove)"
  else
    log "replica is not running"
  fi
}

remove() {
  stop
  if [ "$(primary_sql "select count(*) from pg_replication_slots where slot_name = '$SLOT'")" != 0 ]; then
    primary_sql "select pg_drop_replication_slot('$SLOT')" >/dev/null
    log "dropped replication slot $SLOT"
  fi
  rm -rf "$REPLICA_DIR"
  log "removed $REPLICA_DIR"
}

case "${1:-start}" in
  start) start ;;
  restart) stop; start ;;
  stop) stop ;;
  status) status ;;
  remove) remove ;;
  *) die "usage: $0 [start|restart|stop|status|remove]" ;;
esac
