#!/usr/bin/env bash
# Prepares the local PostgreSQL for this project: builds pgvector from Debian's source package against
# the installed server (Debian 12 ships no binary), starts the cluster if it is stopped, and creates the
# test database with the extensions the schema needs. Idempotent: a second run changes nothing.
#
# Usage: sudo bash scripts/setup-postgres.sh [database ...]   (default databases: test)
# Env:   PGVECTOR_WORKDIR (default /var/cache/customer-matching/pgvector)
set -euo pipefail

log() { printf '[setup-postgres] %s\n' "$*"; }
die() { printf '[setup-postgres] error: %s\n' "$*" >&2; exit 1; }

[ "$(id -u)" = 0 ] || die "run as root (it installs packages and a server extension)"
command -v pg_lsclusters >/dev/null || die "PostgreSQL is not installed (apt-get install postgresql)"

databases=("$@")
[ ${#databases[@]} -gt 0 ] || databases=(test)

# The major version of the installed (first) cluster decides which headers we build against.
read -r major cluster < <(pg_lsclusters --no-header | awk 'NR==1 {print $1, $2}')
[ -n "${major:-}" ] || die "no PostgreSQL cluster found (pg_createcluster 15 main)"
pg_config_bin="/usr/lib/postgresql/${major}/bin/pg_config"
log "PostgreSQL ${major}/${cluster}"

start_cluster() {
  if pg_lsclusters --no-header | awk -v m="$major" -v c="$cluster" '$1==m && $2==c {print $4}' | grep -q online; then
    log "cluster is running"
  else
    log "starting cluster ${major}/${cluster}"
    pg_ctlcluster --skip-systemctl-redirect "$major" "$cluster" start
  fi
}

vector_installed() {
  [ -x "$pg_config_bin" ] && [ -f "$("$pg_config_bin" --sharedir)/extension/vector.control" ]
}

build_pgvector() {
  local workdir="${PGVECTOR_WORKDIR:-/var/cache/customer-matching/pgvector}"
  local aptdir="$workdir/apt"
  mkdir -p "$aptdir/lists/partial" "$workdir/src"

  # Use the same mirror the system's Debian sources use; the system's own lists stay untouched.
  local mirror
  mirror=$(grep -hE '^(URIs:|deb )' /etc/apt/sources.list.d/* /etc/apt/sources.list 2>/dev/null \
    | grep -m1 -oE 'https?://[^ ]*/debian/?' || true)
  [ -n "$mirror" ] || die "could not read the Debian mirror URI from /etc/apt/sources.list.d/"
  log "mirror: $mirror"
  echo "deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] ${mirror%/} trixie main" > "$aptdir/sources.list"
  local aptopts=(-o "Dir::Etc::sourcelist=$aptdir/sources.list" -o "Dir::Etc::sourceparts=-"
                 -o "Dir::State::Lists=$aptdir/lists" -o "APT::Get::List-Cleanup=0")

  export DEBIAN_FRONTEND=noninteractive
  log "installing build prerequisites (postgresql-server-dev-${major})"
  if ! dpkg -s "postgresql-server-dev-${major}" >/dev/null 2>&1; then
    apt-get install -y -qq "postgresql-server-dev-${major}" make gcc >/dev/null \
      || { apt-get update -qq && apt-get install -y -qq "postgresql-server-dev-${major}" make gcc >/dev/null; }
  fi

  log "fetching the pgvector source package from trixie"
  apt-get "${aptopts[@]}" update -qq
  (cd "$workdir/src" && apt-get "${aptopts[@]}" source --download-only -qq pgvector)
  local orig
  orig=$(ls "$workdir"/src/pgvector_*.orig.tar.* | sort -V | tail -n1)
  [ -f "$orig" ] || die "pgvector source tarball not downloaded"
  local build="$workdir/build"
  rm -rf "$build" && mkdir -p "$build"
  tar -xf "$orig" -C "$build" --strip-components=1
  log "building $(basename "$orig")"
  # OPTFLAGS="" avoids -march=native so the library runs on any x86-64 machine.
  make -s -C "$build" PG_CONFIG="$pg_config_bin" OPTFLAGS="" >/dev/null
  make -s -C "$build" PG_CONFIG="$pg_config_bin" OPTFLAGS="" install >/dev/null
}

if vector_installed; then
  log "pgvector already installed for PostgreSQL ${major}"
else
  build_pgvector
  vector_installed || die "pgvector build finished but vector.control is missing"
fi

start_cluster
for i in $(seq 1 30); do
  su postgres -c "psql -h 127.0.0.1 -qAtc 'select 1'" >/dev/null 2>&1 && break
  sleep 1
done

for db in "${databases[@]}"; do
  if ! su postgres -c "psql -h 127.0.0.1 -qAtc \"select 1 from pg_database where datname='${db}'\"" | grep -q 1; then
    log "creating database ${db}"
    su postgres -c "createdb -h 127.0.0.1 ${db}"
  fi
  su postgres -c "psql -h 127.0.0.1 -qAt -d ${db} -c 'set client_min_messages=warning; create extension if not exists vector; create extension if not exists pg_trgm; create extension if not exists fuzzystrmatch;'" >/dev/null
  version=$(su postgres -c "psql -h 127.0.0.1 -qAt -d ${db} -c \"select extversion from pg_extension where extname='vector'\"")
  log "database ${db}: vector ${version}, pg_trgm, fuzzystrmatch ready"
done
