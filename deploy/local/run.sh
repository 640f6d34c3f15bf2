#!/usr/bin/env bash
# Runs the whole suite on this machine without Docker: a real Kafka broker and PostgreSQL
# (started from Maven Central artifacts by the infra module), a real Keycloak with the
# project's realm, the four services, the portal, and the workshop's demo data (loaded once).
# A component that ends on its own is started again (deploy/local/supervise.sh). Ctrl-C stops
# everything. Needs only a JDK 21+.
#
#   deploy/local/run.sh [--rebuild]
#
# Settings (environment): OSTSEE_DATA (default .local/data: Kafka and PostgreSQL data, kept
# between runs), OSTSEE_KAFKA_PORT (9092), OSTSEE_PG_PORT (5433), OSTSEE_PARTNERS_PORT (8081),
# OSTSEE_PROJECTS_PORT (8082), OSTSEE_MEMBERSHIPS_PORT (8083), OSTSEE_WEBHOOKS_PORT (8084), OSTSEE_PORTAL_PORT (8080),
# OSTSEE_*_MANAGEMENT_PORT (health and metrics: partners 9081, projects 9082, memberships 9083, webhooks 9084,
# portal 9080), OSTSEE_KEYCLOAK_PORT (8180); OSTSEE_MAP_TILES_URL (+ _ORIGIN, _ATTRIBUTION) for map tiles in the portal;
# OSTSEE_PG_URL/_USER/_PASSWORD to use an existing PostgreSQL server instead of the embedded one;
# OSTSEE_SMTP_PORT (3025) and OSTSEE_IMAP_PORT (3143) for the mail server that receives the
# reminders (read them with any mail client over IMAP: login and password are the address),
# OSTSEE_REMINDERS_EVERY (15m) for how often the services look for deadlines;
# OSTSEE_CRASH_LIMIT (3) and OSTSEE_CRASH_WINDOW (60 s): a component that ends on its own is started
# again, unless it ended that often within the window (a crash loop: then the stack stops).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
. deploy/local/jdk.sh
ostsee_use_jdk21

# Versions and default ports shared with deploy/compose (an environment variable wins).
while IFS='=' read -r key value; do
  case "$key" in ''|\#*) continue ;; esac
  [ -n "${!key:-}" ] || export "$key=$value"
done < deploy/stack.env

data="${OSTSEE_DATA:-$root/.local/data}"
logs="$root/.local/logs"
mkdir -p "$data" "$logs"
services=(partners projects memberships webhooks)
declare -A mport=(
  [partners]="${OSTSEE_PARTNERS_MANAGEMENT_PORT:-9081}"
  [projects]="${OSTSEE_PROJECTS_MANAGEMENT_PORT:-9082}"
  [memberships]="${OSTSEE_MEMBERSHIPS_MANAGEMENT_PORT:-9083}"
  [webhooks]="${OSTSEE_WEBHOOKS_MANAGEMENT_PORT:-9084}"
)
portal_mport="${OSTSEE_PORTAL_MANAGEMENT_PORT:-9080}"
declare -A port=(
  [partners]="${OSTSEE_PARTNERS_PORT:-8081}"
  [projects]="${OSTSEE_PROJECTS_PORT:-8082}"
  [memberships]="${OSTSEE_MEMBERSHIPS_PORT:-8083}"
  [webhooks]="${OSTSEE_WEBHOOKS_PORT:-8084}"
)
portal_port="${OSTSEE_PORTAL_PORT:-8080}"
kafka_port="${OSTSEE_KAFKA_PORT:-9092}"
kc_port="${OSTSEE_KEYCLOAK_PORT:-8180}"
kc_version="$KEYCLOAK_VERSION"
kc_home="$root/.local/keycloak/keycloak-$kc_version"
pg_port="${OSTSEE_PG_PORT:-5433}"
smtp_port="${OSTSEE_SMTP_PORT:-3025}"
imap_port="${OSTSEE_IMAP_PORT:-3143}"

say() { printf '[run] %s\n' "$*"; }
fail() { printf '[run] %s\n' "$*" >&2; exit 1; }

http_ok() { # $1: port, $2: path; true on HTTP 200
  if command -v curl >/dev/null 2>&1; then
    curl -fsS -o /dev/null "http://127.0.0.1:$1$2" 2>/dev/null
    return
  fi
  local status
  exec 3<>"/dev/tcp/127.0.0.1/$1" 2>/dev/null || return 1
  printf 'GET %s HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' "$2" >&3
  status=$(head -n 1 <&3)
  exec 3>&-
  [[ "$status" == *" 200 "* ]]
}
port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
# The embedded PostgreSQL server outlives an infra process that was killed (SIGKILL, out of memory):
# stopped before the infra process starts again (it would find the port taken) and when the stack
# stops. Only a server of this data directory, and only if that process is PostgreSQL.
stop_orphan_postgres() {
  local pidfile="$data/postgres/postmaster.pid" pid
  [ -f "$pidfile" ] || return 0
  pid=$(head -n 1 "$pidfile" 2>/dev/null || true)
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 0
  [ "$(ps -p "$pid" -o comm= 2>/dev/null)" = "postgres" ] || return 0
  say "Stopping the PostgreSQL server (pid $pid) that the ended infra process left running..."
  kill -INT "$pid" 2>/dev/null || true # fast shutdown
  for ((i=0; i<30; i++)); do kill -0 "$pid" 2>/dev/null || return 0; sleep 1; done
  kill -KILL "$pid" 2>/dev/null || true
}
# (a run that was killed left its PostgreSQL behind: it would hold the port)
[ -n "${OSTSEE_PG_URL:-}" ] || stop_orphan_postgres
all_ports=("$kafka_port" "$kc_port" "$portal_port" "$portal_mport" "$smtp_port" "$imap_port" "${port[@]}" "${mport[@]}")
[ -z "${OSTSEE_PG_URL:-}" ] && all_ports+=("$pg_port")
if [ "$(printf '%s\n' "${all_ports[@]}" | sort | uniq -d | head -n 1)" != "" ]; then
  fail "Two components are set to the same port ($(printf '%s\n' "${all_ports[@]}" | sort | uniq -d | tr '\n' ' ')): give each its own (see the header of $0)."
fi
for p in "$kafka_port" "$kc_port" "$portal_port" "$portal_mport" "$smtp_port" "$imap_port" "${port[@]}" "${mport[@]}"; do
  port_free "$p" || fail "Port $p is already in use on 127.0.0.1: stop what uses it, or choose another port (see the header of $0)."
done
if [ -z "${OSTSEE_PG_URL:-}" ]; then
  port_free "$pg_port" || fail "Port $pg_port (PostgreSQL) is already in use: set OSTSEE_PG_PORT, or OSTSEE_PG_URL to use that server."
fi

needs_build() {
  [ "${1:-}" = "--rebuild" ] && return 0
  [ -f infra/target/classpath.txt ] || return 0
  for s in "${services[@]}"; do
    jar="$s-service/target/quarkus-app/quarkus-run.jar"
    [ -f "$jar" ] || return 0
  done
  [ -f portal/target/quarkus-app/quarkus-run.jar ] || return 0
  # Rebuild when any source or pom changed after the oldest service build.
  # (Build output is not a source: generated clients under target/ are newer than the jars.)
  [ -z "$(find . \( -path ./.local -o -path ./.git -o -name target -o -name node_modules \) -prune -o \( -name '*.java' -o -name '*.properties' -o -name '*.sql' -o -name '*.html' -o -name '*.css' -o -name '*.js' -o -name pom.xml \) \
      -newer partners-service/target/quarkus-app/quarkus-run.jar -print -quit)" ] || return 0
  return 1
}
if needs_build "${1:-}"; then
  say "Building the suite (the first build downloads Maven and the dependencies, a few minutes)..."
  # Running the stack needs neither the format check nor the OpenAPI lint (the tests' build has them).
  ./mvnw -B -q install -DskipTests -Dspotless.check.skip=true -Dexec.skip=true \
    || fail "The build failed; see the messages above."
fi

if [ ! -x "$kc_home/bin/kc.sh" ] && [ ! -f "$kc_home/bin/kc.sh" ]; then
  say "Fetching Keycloak $kc_version (about 160 MB, once)..."
  mkdir -p "$root/.local/keycloak"
  ./mvnw -B -q -N dependency:copy -Dartifact="org.keycloak:keycloak-quarkus-dist:$kc_version:zip" \
    -DoutputDirectory="$root/.local/keycloak" || fail "Could not fetch Keycloak."
  (cd "$root/.local/keycloak" && "$JAVA_HOME/bin/jar" xf "keycloak-quarkus-dist-$kc_version.zip" && rm -f "keycloak-quarkus-dist-$kc_version.zip")
fi
mkdir -p "$kc_home/data/import"
# Keycloak imports a realm only once into its (demo) database: when the project's realm file has
# changed since, re-create that database so that new clients and users exist.
if [ -d "$kc_home/data/h2" ] && ! cmp -s deploy/keycloak/ostsee-realm.json "$kc_home/data/import/ostsee-realm.json"; then
  say "The realm in deploy/keycloak changed: Keycloak's demo database is created anew from it."
  rm -rf "$kc_home/data/h2"
fi
cp deploy/keycloak/ostsee-realm.json "$kc_home/data/import/"

# The services' and the portal's JVM: the options of deploy/local/service.jvm (the benchmark
# starts them with the same file); with a JDK 25 or newer also an AOT cache per component
# (ahead-of-time class loading and linking, JEP 483/514): a start after a build records it, the
# cache is written when the stack stops, later starts load it (start time about a third lower).
java_major=$(ostsee_java_major "$JAVA_HOME/bin/java")
aot_dir="$root/.local/aot"
mkdir -p "$aot_dir"
jvm_opts() { # $1: component, $2: its jar; prints the JVM options of this start
  printf '%s' "@$root/deploy/local/service.jvm"
  [ "${java_major:-0}" -ge 25 ] || return 0
  local cache="$aot_dir/$1.aot"
  if [ -f "$cache" ] && [ "$cache" -nt "$2" ]; then
    printf ' %s' "-XX:AOTCache=$cache"
  else
    rm -f "$cache"
    printf ' %s' "-XX:AOTCacheOutput=$cache"
  fi
}

# glibc gives each thread that allocates its own malloc arena (up to 8 per core): under load that
# kept ~45 MB more resident in a service than two arenas do, at the same throughput.
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"

# The supervisor: a component that ends on its own is started again (see deploy/local/supervise.sh).
. deploy/local/supervise.sh
stop_all() {
  trap - INT TERM EXIT
  say "Stopping..."
  for ((i=${#pids[@]}-1; i>=0; i--)); do kill "${pids[$i]}" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  stop_orphan_postgres
  say "Stopped."
}
trap 'stop_all; exit 130' INT TERM
trap stop_all EXIT

rm -f "$data/infra.env"
say "Starting Kafka, PostgreSQL and the mail server (log: $logs/infra.log)..."
# Each component's start (the first, and again after it ended on its own): the logs are appended to.
start_infra() {
  stop_orphan_postgres
  java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp "infra/target/classes:$(cat infra/target/classpath.txt)" \
    de.kielregion.kooperation.infra.LocalInfra --data "$data" --kafka-port "$kafka_port" --pg-port "$pg_port" \
    --smtp-port "$smtp_port" --imap-port "$imap_port" \
    >> "$logs/infra.log" 2>&1 &
  sv_started "Kafka/PostgreSQL/mail" $! "$logs/infra.log" start_infra
}
: > "$logs/infra.log"
start_infra
for ((i=0; i<180; i++)); do
  [ -f "$data/infra.env" ] && break
  kill -0 "${pids[0]}" 2>/dev/null || { tail -n 20 "$logs/infra.log" >&2; fail "Kafka/PostgreSQL did not start (see $logs/infra.log)."; }
  sleep 1
done
[ -f "$data/infra.env" ] || fail "Kafka/PostgreSQL not ready after 180 s (see $logs/infra.log)."
set -a; . "$data/infra.env"; set +a
say "Kafka at $KAFKA_BOOTSTRAP_SERVERS, PostgreSQL ready, mail: SMTP $SMTP_PORT, IMAP $imap_port."

say "Starting Keycloak on port $kc_port (log: $logs/keycloak.log; the first start takes a few minutes)..."
start_keycloak() {
  KC_BOOTSTRAP_ADMIN_USERNAME="${OSTSEE_KEYCLOAK_ADMIN:-admin}" KC_BOOTSTRAP_ADMIN_PASSWORD="${OSTSEE_KEYCLOAK_ADMIN_PASSWORD:-demo-admin}" \
    bash "$kc_home/bin/kc.sh" start-dev --http-host=127.0.0.1 --http-port="$kc_port" --import-realm \
    >> "$logs/keycloak.log" 2>&1 &
  kc_pid=$!
  sv_started Keycloak $! "$logs/keycloak.log" start_keycloak
}
: > "$logs/keycloak.log"
start_keycloak
issuer="http://127.0.0.1:$kc_port/realms/ostsee"

# webhooks-service keeps the subscriptions' secrets encrypted: a key of this machine, made once.
[ -s "$data/webhooks.key" ] || (umask 077; head -c 32 /dev/urandom | base64 > "$data/webhooks.key")
export WEBHOOKS_SECRET_KEY="$(cat "$data/webhooks.key")"
# Receivers on this machine (plain http to 127.0.0.1) are allowed here only.
export WEBHOOKS_ALLOW_LOOPBACK_HTTP=true
start_service() { # $1: partners, projects, memberships or webhooks
  local s=$1 url_var="DB_URL_${1^^}"
  DB_URL="${!url_var}" HTTP_PORT="${port[$s]}" MANAGEMENT_PORT="${mport[$s]}" OIDC_AUTH_SERVER_URL="$issuer" OIDC_AUDIENCE=ostsee-api \
  REMINDERS_EVERY="${OSTSEE_REMINDERS_EVERY:-15m}" \
    java $(jvm_opts "$s-service" "$s-service/target/quarkus-app/quarkus-run.jar") -jar "$s-service/target/quarkus-app/quarkus-run.jar" \
    >> "$logs/$s-service.log" 2>&1 &
  sv_started "$s-service" $! "$logs/$s-service.log" "start_service $s"
}
for s in "${services[@]}"; do
  say "Starting $s-service on port ${port[$s]} (log: $logs/$s-service.log)..."
  : > "$logs/$s-service.log"
  start_service "$s"
done
await_ready() { # $1: name, $2: management port, $3: log file; waits up to 120 s for /q/health/ready
  for ((i=0; i<120; i++)); do
    http_ok "$2" /q/health/ready && break
    sleep 1
  done
  http_ok "$2" /q/health/ready || { tail -n 30 "$3" >&2; fail "$1 is not ready after 120 s (see $3)."; }
  say "$1 ready."
}

say "Starting the portal on port $portal_port (log: $logs/portal.log)..."
start_portal() {
  HTTP_PORT="$portal_port" MANAGEMENT_PORT="$portal_mport" OIDC_AUTH_SERVER_URL="$issuer" OIDC_ORIGIN="http://127.0.0.1:$kc_port" \
    PARTNERS_URL="http://127.0.0.1:${port[partners]}" PROJECTS_URL="http://127.0.0.1:${port[projects]}" \
    MEMBERSHIPS_URL="http://127.0.0.1:${port[memberships]}" WEBHOOKS_URL="http://127.0.0.1:${port[webhooks]}" \
    PORTAL_MAP_TILES_URL="${OSTSEE_MAP_TILES_URL:-}" PORTAL_MAP_TILES_ORIGIN="${OSTSEE_MAP_TILES_ORIGIN:-}" \
    PORTAL_MAP_ATTRIBUTION="${OSTSEE_MAP_ATTRIBUTION:-}" \
    java $(jvm_opts portal portal/target/quarkus-app/quarkus-run.jar) -jar portal/target/quarkus-app/quarkus-run.jar >> "$logs/portal.log" 2>&1 &
  sv_started portal $! "$logs/portal.log" start_portal
}
: > "$logs/portal.log"
start_portal
# Keycloak starts beside them: the services and the portal fetch its keys on the first request.
for ((i=0; i<600; i++)); do
  http_ok "$kc_port" /realms/ostsee/.well-known/openid-configuration && break
  kill -0 "$kc_pid" 2>/dev/null || { tail -n 20 "$logs/keycloak.log" >&2; fail "Keycloak did not start (see $logs/keycloak.log)."; }
  (( i % 15 == 14 )) && say "... still waiting for Keycloak ($((i+1)) s): $(tail -n 1 "$logs/keycloak.log" | cut -c1-100)"
  sleep 1
done
http_ok "$kc_port" /realms/ostsee/.well-known/openid-configuration || fail "Keycloak not ready after 600 s (see $logs/keycloak.log)."
say "Keycloak ready: $issuer"
for s in "${services[@]}"; do
  await_ready "$s-service" "${mport[$s]}" "$logs/$s-service.log"
done
await_ready portal "$portal_mport" "$logs/portal.log"

say "Loading the workshop's demo data (once)..."
java -cp "infra/target/classes:$(cat infra/target/classpath.txt)" de.kielregion.kooperation.infra.DemoData \
  "http://127.0.0.1:${port[partners]}" "http://127.0.0.1:${port[projects]}" "http://127.0.0.1:${port[memberships]}" \
  "$issuer/protocol/openid-connect/token" demo-loader demo-secret-demo-loader || fail "Loading the demo data failed."

cat <<EOM

Ostsee-Kooperation is running:
  PORTAL               open http://127.0.0.1:$portal_port and log in as carla.coordinator / demo-coordinator
                       (also dirk.decider / demo-decider, vera.viewer / demo-viewer, anna.admin / demo-admin,
                       kai.kiel / demo-kiel for the City of Kiel's staff)
  partners-service     http://127.0.0.1:${port[partners]}     Swagger UI: http://127.0.0.1:${port[partners]}/q/swagger-ui
  projects-service     http://127.0.0.1:${port[projects]}     Swagger UI: http://127.0.0.1:${port[projects]}/q/swagger-ui
  memberships-service  http://127.0.0.1:${port[memberships]}     Swagger UI: http://127.0.0.1:${port[memberships]}/q/swagger-ui
  webhooks-service     http://127.0.0.1:${port[webhooks]}     Swagger UI: http://127.0.0.1:${port[webhooks]}/q/swagger-ui
                       (receiver guide: docs/webhooks-receiver.md)
  Keycloak             http://127.0.0.1:$kc_port   (admin console: admin / demo-admin)
  Kafka                $KAFKA_BOOTSTRAP_SERVERS
  Mail (reminders)     IMAP 127.0.0.1:$imap_port, login = password = the address, e.g. koordination@kielregion.example
                       (SMTP 127.0.0.1:$SMTP_PORT; the services look for deadlines every ${OSTSEE_REMINDERS_EVERY:-15m})
  Data                 $data
Demo logins (realm ostsee): anna.admin/demo-admin, carla.coordinator/demo-coordinator,
  dirk.decider/demo-decider, vera.viewer/demo-viewer; shareholder systems by client credentials:
  kiel-it, rendsburg-eckernfoerde-it, ploen-it (secret demo-secret-<client>), see deploy/keycloak/README.md.
Strategy document: http://127.0.0.1:${port[projects]}/strategy/document (with a token)
Health and metrics on the management ports (loopback): partners ${mport[partners]}, projects ${mport[projects]},
  memberships ${mport[memberships]}, webhooks ${mport[webhooks]}, portal $portal_mport (/q/health, /q/metrics). Press Ctrl-C to stop.
EOM
# Runs until Ctrl-C. A component that ends on its own is started again; a crash loop (three deaths
# within a minute: OSTSEE_CRASH_LIMIT, OSTSEE_CRASH_WINDOW) stops everything.
sv_supervise || { say "Stopping the stack (the other logs are in $logs)."; exit 1; }
