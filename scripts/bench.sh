#!/usr/bin/env bash
# Benchmarks a release server on a seeded SQLite database with wrk, and prints the
# figures and their ratios. Targets live in docs/BENCHMARKS.md; nothing here fails
# on a slow run: the numbers are for people to read and compare.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"

MEMBERS=${IEY_BENCH_MEMBERS:-100000}
DURATION=${IEY_BENCH_SECONDS:-10}
CONNECTIONS=${IEY_BENCH_CONNECTIONS:-16}
WORK=$(mktemp -d /tmp/iey-bench.XXXXXX)
# The name changes whenever what the seeder writes does (v2: with friendships;
# v3: with 10,000 visit offers and 200,000 visits).
DB_CACHE="$CARGO_TARGET_DIR/bench-db/iey-$MEMBERS-v3.db"
trap 'kill $SERVER 2>/dev/null || true; wait $SERVER 2>/dev/null || true; rm -rf "$WORK"' EXIT

step "database with $MEMBERS members"
if [ ! -f "$DB_CACHE" ]; then
  mkdir -p "$(dirname "$DB_CACHE")"
  rm -f "$DB_CACHE"*
  start=$SECONDS
  "$IEY_BIN" --database-url "sqlite://$DB_CACHE" seed --members "$MEMBERS" --seed 2013 \
    --offers 10000 --visits 200000
  echo "seeded in $((SECONDS - start)) s (cached at $DB_CACHE)"
fi
# The seeded database with its write-ahead log, if SQLite left one.
for suffix in "" -wal -shm; do
  [ -f "$DB_CACHE$suffix" ] && cp "$DB_CACHE$suffix" "$WORK/iey.db$suffix"
done

step "directory search in the domain, without HTTP (20 runs each)"
cp "$WORK/iey.db" "$WORK/timings.db"
[ -f "$WORK/iey.db-wal" ] && cp "$WORK/iey.db-wal" "$WORK/timings.db-wal"
IEY_BENCH_DB="$WORK/timings.db" cargo run --quiet -p iey-domain --release --example directory_timings
rm -f "$WORK"/timings.db*

step "friend graph in the domain, without HTTP (200 viewers each)"
cp "$WORK/iey.db" "$WORK/timings.db"
[ -f "$WORK/iey.db-wal" ] && cp "$WORK/iey.db-wal" "$WORK/timings.db-wal"
IEY_BENCH_DB="$WORK/timings.db" cargo run --quiet -p iey-domain --release --example friend_graph_timings
rm -f "$WORK"/timings.db*

step "visit planner in the domain, without HTTP (100 runs each)"
cp "$WORK/iey.db" "$WORK/timings.db"
[ -f "$WORK/iey.db-wal" ] && cp "$WORK/iey.db-wal" "$WORK/timings.db-wal"
IEY_BENCH_DB="$WORK/timings.db" cargo run --quiet -p iey-domain --release --example visit_timings
rm -f "$WORK"/timings.db*

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
URL="http://127.0.0.1:$PORT"
IEY_LOG=warn "$IEY_BIN" --database-url "sqlite://$WORK/iey.db" serve --addr "127.0.0.1:$PORT" --site-root "$IEY_SITE_ROOT" &
SERVER=$!
# Serving may first index members (after a search migration): wait up to a minute.
for _ in $(seq 600); do curl -sf "$URL/readyz" >/dev/null && break; sleep 0.1; done

# wrk prints "Requests/sec: N" and a latency distribution with --latency.
measure() { # name path [wrk lua script that picks each request] [connections]
  local out connections=${4:-$CONNECTIONS}
  out=$(wrk -t$((connections < 2 ? connections : 2)) -c"$connections" -d"${DURATION}s" --latency ${3:+-s "$3"} "$URL$2")
  local rps p50 p99
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1=="50%" {print $2}' <<<"$out")
  p99=$(awk '$1=="99%" {print $2}' <<<"$out")
  printf '%-28s %12s req/s   p50 %8s   p99 %8s\n' "$1 ($2)" "$rps" "$p50" "$p99" >&2
  echo "$rps"
}

step "throughput and latency ($CONNECTIONS connections, ${DURATION}s each)"
curl -sf "$URL/" >/dev/null
HEALTH=$(measure "static /healthz" /healthz)
LANDING=$(measure "landing page" /)
MEMBERS_PAGE=$(measure "directory first page" /members)
SEARCH=$(measure "directory search" "/members?q=health")
# The design's target: a text query and two filters (values that match the seed catalogue).
FILTERED=$(measure "directory search + 2 filters" "/members?q=health&country=GB&sector=health")
# The same, but a different search on nearly every request (words from the seed
# catalogue's headlines and interests, any country, any sector), so no cache helps.
python3 - "$WORK/varied.lua" <<'PY'
import json, re, sys
catalog = json.load(open("domain/src/seed/catalog.json"))
text = json.dumps(catalog["headlines"]) + json.dumps(catalog["interests"])
words = sorted({w.lower() for w in re.findall(r"[A-Za-z]{4,}", text)})
countries = [c["code"] for c in catalog["countries"]]
sectors = ["childcare", "early_education", "social_care", "health", "police",
           "early_help", "research", "policy", "training", "other"]
lua = lambda xs: "{" + ",".join(f'"{x}"' for x in xs) + "}"
open(sys.argv[1], "w").write(f"""
local words, countries, sectors = {lua(words)}, {lua(countries)}, {lua(sectors)}
math.randomseed(2013)
request = function()
  local path = "/members?q=" .. words[math.random(#words)] .. "&country=" ..
    countries[math.random(#countries)] .. "&sector=" .. sectors[math.random(#sectors)]
  return wrk.format("GET", path)
end
""")
PY
VARIED=$(measure "varied searches + 2 filters" / "$WORK/varied.lua")
# One connection at a time: no queueing, so the latency is the server's own time.
measure "search + 2 filters, 1 conn" "/members?q=health&country=GB&sector=health" "" 1 >/dev/null
measure "varied searches, 1 conn" / "$WORK/varied.lua" 1 >/dev/null
RSS_KB=$(awk '/VmRSS/ {print $2}' "/proc/$SERVER/status")
ANON_KB=$(awk '/RssAnon/ {print $2}' "/proc/$SERVER/status")
FILE_KB=$(awk '/RssFile/ {print $2}' "/proc/$SERVER/status")

step "results"
ratio() { python3 -c "print(f'{100*float($1)/float($2):.1f}%')"; }
echo "landing / healthz throughput:          $(ratio "$LANDING" "$HEALTH")"
echo "directory / healthz throughput:        $(ratio "$MEMBERS_PAGE" "$HEALTH")"
echo "directory search / healthz throughput: $(ratio "$SEARCH" "$HEALTH")"
echo "search + 2 filters / healthz:          $(ratio "$FILTERED" "$HEALTH")   (target >= 25%, p50 <= 5 ms, p99 <= 25 ms)"
echo "varied searches / healthz:             $(ratio "$VARIED" "$HEALTH")   (no two alike: the uncached cost)"
echo "server RSS after the run:              $((RSS_KB / 1024)) MB ($MEMBERS members): $((ANON_KB / 1024)) MB the server's own memory, $((FILE_KB / 1024)) MB the database file mapped in (page cache, given back under pressure)"

step "hydrate bundle (release)"
gz() { gzip -9c "$1" | wc -c; }
for f in "$IEY_SITE_ROOT"/pkg/iey.wasm "$IEY_SITE_ROOT"/pkg/iey.js "$IEY_SITE_ROOT"/pkg/iey.css; do
  printf '%-24s raw %8d B   gzip %8d B\n' "$(basename "$f")" "$(stat -c %s "$f")" "$(gz "$f")"
done
# With --split, pages other than the landing page and the directory are separate
# chunks, fetched when first visited; the first download is iey.wasm + iey.js.
chunks=0
for f in "$IEY_SITE_ROOT"/pkg/*.wasm "$IEY_SITE_ROOT"/pkg/__wasm_split*.js; do
  case "$(basename "$f")" in iey.wasm) continue ;; esac
  [ -f "$f" ] || continue
  chunks=$((chunks + $(gz "$f")))
done
first=$(( $(gz "$IEY_SITE_ROOT/pkg/iey.wasm") + $(gz "$IEY_SITE_ROOT/pkg/iey.js") ))
echo "first download (wasm + js) gzip: $((first / 1024)) KB (target <= 300 KB)"
echo "lazy chunks, all together, gzip: $((chunks / 1024)) KB ($(ls "$IEY_SITE_ROOT"/pkg/*.wasm | wc -l) wasm files)"
