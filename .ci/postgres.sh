#!/usr/bin/env bash
# A throwaway PostgreSQL server for the server tests: loopback only, trust auth, a temporary
# data directory. `start` prints the DATABASE_URL to export; `stop` stops it and removes the data.
#   bash .ci/postgres.sh start [port]    (npm run db:start)
#   bash .ci/postgres.sh stop [port]     (npm run db:stop)
set -euo pipefail
cmd=${1:-start}
port=${2:-${PGPORT_TEST:-54329}}
dir=/tmp/integration-webhooks-pg-$port

# Debian's postgresql package puts initdb and pg_ctl under /usr/lib/postgresql/<v>/bin.
if ! command -v initdb >/dev/null 2>&1; then
  for bin in /usr/lib/postgresql/*/bin; do [ -x "$bin/initdb" ] && PATH="$bin:$PATH"; done
fi
if ! command -v initdb >/dev/null 2>&1; then
  echo "PostgreSQL binaries not found: installing Debian's postgresql package" >&2
  as_root=(); [ "$(id -u)" -ne 0 ] && as_root=(sudo)
  "${as_root[@]}" apt-get update >&2
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends postgresql >&2
  for bin in /usr/lib/postgresql/*/bin; do [ -x "$bin/initdb" ] && PATH="$bin:$PATH"; done
fi

# PostgreSQL refuses to run as root: run it as the postgres user then.
as_pg=()
if [ "$(id -u)" -eq 0 ]; then
  id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql postgres
  as_pg=(runuser -u postgres --)
fi

case "$cmd" in
  start)
    if [ -f "$dir/postmaster.pid" ] && "${as_pg[@]}" pg_ctl -D "$dir" status >/dev/null 2>&1; then
      echo "export DATABASE_URL=postgres://postgres@127.0.0.1:$port/postgres"
      exit 0
    fi
    rm -rf "$dir"; mkdir -p "$dir"
    [ "$(id -u)" -eq 0 ] && chown postgres "$dir"
    "${as_pg[@]}" initdb -D "$dir" -A trust -U postgres >/dev/null
    "${as_pg[@]}" pg_ctl -D "$dir" -l "$dir/log" -w \
      -o "-k /tmp -p $port -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=on" start >/dev/null
    echo "export DATABASE_URL=postgres://postgres@127.0.0.1:$port/postgres"
    ;;
  stop)
    if [ -d "$dir" ]; then
      "${as_pg[@]}" pg_ctl -D "$dir" stop -m fast >/dev/null 2>&1 || true
      rm -rf "$dir"
    fi
    ;;
  *) echo "usage: $0 start|stop [port]" >&2; exit 2 ;;
esac
