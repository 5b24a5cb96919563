#!/usr/bin/env bash
# Runs the W3C Data Integrity test suites (vc-di-eddsa-test-suite, vc-di-ecdsa-test-suite) against
# the example host's VC API (POST /credentials/issue, POST /credentials/verify), offline, and
# summarizes the results per suite and cryptosuite. See conformance/README.md.
#
#   conformance/run.sh [--build] [--suite eddsa|ecdsa]...
#
# --build        rebuild examples/target/trainproof.jar even when it exists
# --suite NAME   run only this suite (repeatable; default: both)
#
# The suites are not in this repository and cannot come from GitHub in CI: the script takes them
# from $CONFORMANCE_SOURCES (default conformance/target/sources), one folder per repository named
# owner+name, or extracts them from bare git snapshots under $CONFORMANCE_MIRROR/owner+name/repo.
# When they are absent it says so and exits 0 (77 with CONFORMANCE_REQUIRE=true).
#
# Exit code: 0 when every test passed (or with CONFORMANCE_ALLOW_FAILURES=true), 1 when a test
# failed, 2 on a setup error, 77 when skipped as required.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$HERE")
TARGET=${CONFORMANCE_TARGET:-$HERE/target}
SOURCES=${CONFORMANCE_SOURCES:-$TARGET/sources}
MIRROR=${CONFORMANCE_MIRROR:-/work/.mirror}
WORK=$TARGET/work
REPORTS=$TARGET/reports
HOSTDIR=$TARGET/host
JAR=${TRAINPROOF_JAR:-$ROOT/examples/target/trainproof.jar}
# bump when the way suites are installed changes, so old installs are redone
INSTALL_FORMAT=1

# repository -> what it is for
REPOS=(
  w3c/vc-di-eddsa-test-suite                  # the eddsa suite
  w3c/vc-di-ecdsa-test-suite                  # the ecdsa suite
  w3c/vc-test-suite-implementations           # endpoint manifests and the HTTP client (a GitHub dependency of both)
  w3c-ccg/data-integrity-test-suite-assertion # shared Data Integrity tests (a GitHub dependency of both)
  w3c/vc-di-ecdsa                             # the spec: the ecdsa suite signs its verifier tests with its TestVectors key pairs
)

log() { printf '[conformance] %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 2; }

# ------------------------------------------------------------------------------ arguments

BUILD=false
SUITES=()
if [[ "${1:-}" != __inner ]]; then
  while [[ $# -gt 0 ]]; do
    case "$1" in
      --build) BUILD=true ;;
      --suite) shift; [[ "${1:-}" =~ ^(eddsa|ecdsa)$ ]] || die "--suite takes eddsa or ecdsa"; SUITES+=("$1") ;;
      -h|--help) sed -n '2,19p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
      *) die "unknown argument $1 (see --help)" ;;
    esac
    shift
  done
  [[ ${#SUITES[@]} -gt 0 ]] || SUITES=(eddsa ecdsa)
fi

dir_of() { echo "${1/\//+}"; }          # w3c/foo -> w3c+foo
src_of() { echo "$SOURCES/$(dir_of "$1")"; }
commit_of() {                            # what a source folder was extracted from
  local f; f="$(src_of "$1")/.source-commit"
  if [[ -f "$f" ]]; then cat "$f"; else echo "unknown (a folder given by hand)"; fi
}

# ------------------------------------------------------------------------------ sources

sources() {
  mkdir -p "$SOURCES"
  local missing=()
  for repo in "${REPOS[@]}"; do
    local dest git_dir head
    dest=$(src_of "$repo")
    git_dir="$MIRROR/$(dir_of "$repo")/repo"
    if [[ -d "$git_dir" ]] && head=$(git --git-dir="$git_dir" rev-parse HEAD 2>/dev/null); then
      # a snapshot is there: (re)extract it when it is newer than what we have
      if [[ ! -f "$dest/.source-commit" || "$(cat "$dest/.source-commit")" != "$head" ]]; then
        log "extracting $repo at $head from $git_dir"
        rm -rf "$dest" && mkdir -p "$dest"
        git --git-dir="$git_dir" archive HEAD | tar -x -C "$dest"
        echo "$head" > "$dest/.source-commit"
      fi
    fi
    if [[ ! -f "$dest/package.json" && ! -d "$dest/TestVectors" ]]; then
      missing+=("$repo")
    fi
  done
  if [[ ${#missing[@]} -gt 0 ]]; then
    log "SKIPPED: the W3C test suites are not on this machine (missing: ${missing[*]})."
    log "Put each repository's files in $SOURCES/<owner>+<name>/ (or bare git snapshots in"
    log "\$CONFORMANCE_MIRROR/<owner>+<name>/repo) and run again; see conformance/README.md."
    if [[ "${CONFORMANCE_REQUIRE:-false}" == true ]]; then exit 77; fi
    exit 0
  fi
  mkdir -p "$REPORTS"
  {
    echo "# what these reports were run with"
    for repo in "${REPOS[@]}"; do echo "$repo $(commit_of "$repo")"; done
    echo "node $(node --version), npm $(npm --version)"
  } > "$REPORTS/sources.txt"
}

# ------------------------------------------------------------------------------ install

# Packs a library repository as an npm tarball (the suites name it as a GitHub dependency).
pack() { # repo -> path of the .tgz
  local repo=$1 copy="$WORK/lib/$(dir_of "$1")"
  rm -rf "$copy" && mkdir -p "$copy" "$WORK/pack"
  cp -r "$(src_of "$repo")/." "$copy/"
  if [[ "$repo" == w3c/vc-test-suite-implementations ]]; then
    # the public list of implementations (real endpoints elsewhere) is never tested from here:
    # drop it, so that only localConfig.cjs's loopback endpoints exist
    find "$copy/implementations" -maxdepth 1 -name '*.json' -delete
  fi
  (cd "$copy" && npm pack --ignore-scripts --silent --pack-destination "$WORK/pack" | tail -n1 \
    | sed "s|^|$WORK/pack/|")
}

install_suite() { # eddsa|ecdsa
  local name=$1 repo="w3c/vc-di-$1-test-suite" dir="$WORK/$1"
  local stamp
  stamp="$INSTALL_FORMAT $(for r in "${REPOS[@]}"; do commit_of "$r"; done | tr '\n' ' ') $(node --version)"
  if [[ -f "$dir/.installed" && "$(cat "$dir/.installed")" == "$stamp" ]]; then
    log "$name suite already installed"
    return
  fi
  log "installing the $name suite's npm dependencies (npm registry)"
  local impl dita
  impl=$(pack w3c/vc-test-suite-implementations)
  dita=$(pack w3c-ccg/data-integrity-test-suite-assertion)
  rm -rf "$dir" && mkdir -p "$dir"
  cp -r "$(src_of "$repo")/." "$dir/"
  # GitHub dependencies -> the packed tarballs; no dev dependencies (linters); no install hooks
  # (the ecdsa suite's postinstall clones a GitHub repository). The upstream lock file is
  # dropped: it pins versions this registry does not serve (e.g. @digitalbazaar/did-io 2.2.0).
  (cd "$dir" && node "$HERE/patch-package.cjs" "$impl" "$dita") || die "cannot patch the $name suite's package.json"
  rm -f "$dir/package-lock.json"
  (cd "$dir" && nice npm install --ignore-scripts --no-audit --no-fund --loglevel=error \
    --engine-strict=false) || die "npm install failed for the $name suite"
  if [[ "$name" == ecdsa ]]; then
    # config/keys.json points at ./input/vc-di-ecdsa/TestVectors/p{256,384}KeyPair.json
    mkdir -p "$dir/tests/input/vc-di-ecdsa/TestVectors"
    cp "$(src_of w3c/vc-di-ecdsa)"/TestVectors/p256KeyPair.json \
      "$(src_of w3c/vc-di-ecdsa)"/TestVectors/p384KeyPair.json \
      "$dir/tests/input/vc-di-ecdsa/TestVectors/"
  fi
  echo "$stamp" > "$dir/.installed"
}

# ------------------------------------------------------------------------------ the host

build_jar() {
  if [[ "$BUILD" == true || ! -f "$JAR" ]]; then
    log "building $JAR (mvn -pl examples -am package -DskipTests)"
    (cd "$ROOT" && nice mvn -B -ntp -q -pl examples -am package -DskipTests) \
      || die "the build failed"
  fi
  [[ -f "$JAR" ]] || die "no jar at $JAR"
}

# A fresh API key for this run, unless TRAINPROOF_API_KEY is set: tpk_ and 43 base64url
# characters (256 random bits), the host's key format. Given to the host as its SHA-256 only.
api_key() {
  if [[ -z "${TRAINPROOF_API_KEY:-}" ]]; then
    TRAINPROOF_API_KEY=$(node -e 'process.stdout.write("tpk_" + require("crypto").randomBytes(32).toString("base64url"))')
  fi
  export TRAINPROOF_API_KEY
  mkdir -p "$HOSTDIR"
  local hash
  hash=$(printf %s "$TRAINPROOF_API_KEY" | sha256sum | cut -d' ' -f1)
  (umask 077 && printf 'sha256:%s conformance credentials:issue\n' "$hash" > "$HOSTDIR/api-keys")
}

# ------------------------------------------------------------------------------ the run

# Runs inside a private network namespace when it can (only loopback: nothing leaves the machine).
inner() {
  if [[ -n "${CONFORMANCE_IN_NETNS:-}" ]]; then
    ip link set lo up
  fi
  local port host_pid base
  port=$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{process.stdout.write(String(s.address().port));s.close();})')
  base="http://127.0.0.1:$port"
  local args=(serve --port "$port" --dir "$HOSTDIR/demo")
  if java -jar "$JAR" serve --help 2>&1 | grep -q -- '--api-keys'; then
    args+=(--api-keys "$HOSTDIR/api-keys")
  else
    log "this host has no --api-keys option: the key is sent, and not checked"
  fi
  rm -rf "$HOSTDIR/demo"
  log "starting the host on $base"
  java -Xmx1g -jar "$JAR" "${args[@]}" > "$REPORTS/host.log" 2>&1 &
  host_pid=$!
  # shellcheck disable=SC2064
  trap "kill $host_pid 2>/dev/null || true" EXIT
  local waited=0
  until curl -fsS -o "$HOSTDIR/did.json" "$base/.well-known/did.json" 2>/dev/null; do
    kill -0 "$host_pid" 2>/dev/null || { tail -n 20 "$REPORTS/host.log" >&2; die "the host stopped"; }
    (( waited++ < 300 )) || die "the host did not answer within 300 s"
    sleep 1
  done
  discover_issuers "$base"
  for suite in "${SUITES[@]}"; do
    run_suite "$suite" "$base"
  done
  log "stopping the host"
  kill -TERM "$host_pid" 2>/dev/null || true
  for _ in $(seq 1 20); do kill -0 "$host_pid" 2>/dev/null || break; sleep 1; done
  kill -KILL "$host_pid" 2>/dev/null || true
  wait "$host_pid" 2>/dev/null || true
  trap - EXIT
  redact "$REPORTS"/*
}

# The issuer id (credential.issuer) for each key type. The host may list its issuers at
# GET /credentials/issuers as [{"id": "did:key:...", "keyType": "P-256", ...}]; otherwise every
# key type gets the DID of /.well-known/did.json. TRAINPROOF_ISSUER_ED25519, _P256 and _P384
# override.
discover_issuers() {
  local base=$1
  curl -fsS -o "$HOSTDIR/issuers-endpoint.json" "$base/credentials/issuers" 2>/dev/null \
    || rm -f "$HOSTDIR/issuers-endpoint.json"
  node -e '
    const fs = require("fs");
    const [dir] = process.argv.slice(1);
    const out = {default: JSON.parse(fs.readFileSync(dir + "/did.json", "utf8")).id};
    try {
      const listed = JSON.parse(fs.readFileSync(dir + "/issuers-endpoint.json", "utf8"));
      for(const i of Array.isArray(listed) ? listed : listed.issuers || []) {
        if(i && i.id && i.keyType && !out[i.keyType]) out[i.keyType] = i.id;
      }
    } catch(e) {}
    const env = {"Ed25519": "TRAINPROOF_ISSUER_ED25519", "P-256": "TRAINPROOF_ISSUER_P256",
      "P-384": "TRAINPROOF_ISSUER_P384"};
    for(const [k, v] of Object.entries(env)) if(process.env[v]) out[k] = process.env[v];
    fs.writeFileSync(dir + "/issuers.json", JSON.stringify(out, null, 2));
  ' "$HOSTDIR"
  cp "$HOSTDIR/issuers.json" "$REPORTS/issuers.json"
  log "issuer ids: $(tr -d '\n ' < "$HOSTDIR/issuers.json")"
}

run_suite() { # eddsa|ecdsa base-url
  local name=$1 base=$2 dir="$WORK/$1"
  cp "$HERE/localConfig.cjs" "$dir/localConfig.cjs"
  local env=(
    APP_ROOT_PATH="$dir"
    TRAINPROOF_BASE_URL="$base"
    TRAINPROOF_ISSUERS_FILE="$HOSTDIR/issuers.json"
    NODE_TLS_REJECT_UNAUTHORIZED=1
  )
  local mocha=("$dir/node_modules/.bin/mocha" tests/ --timeout 15000 --preserve-symlinks)
  (cd "$dir" && env "${env[@]}" "${mocha[@]}" --dry-run --reporter json \
    --reporter-option "output=$REPORTS/$name.dry.json" > "$REPORTS/$name.dry.log" 2>&1) || true
  log "running the $name suite (log: ${REPORTS#"$ROOT"/}/$name.log)"
  local rc=0
  (cd "$dir" && env "${env[@]}" timeout 1800 nice "${mocha[@]}" --reporter json \
    --reporter-option "output=$REPORTS/$name.json" > "$REPORTS/$name.log" 2>&1) || rc=$?
  log "$name suite: mocha exit code $rc"
  redact "$REPORTS"/"$name".*
}

# The suites print a failed request with its headers (vc-test-suite-implementations hides
# Authorization in error.request and error.response, not in the HTTP client's error.options):
# take the API key out of everything written.
redact() {
  [[ -n "${TRAINPROOF_API_KEY:-}" ]] || return 0
  node -e '
    const fs = require("fs");
    const key = process.env.TRAINPROOF_API_KEY;
    for(const f of process.argv.slice(1)) {
      const s = fs.readFileSync(f, "utf8");
      if(s.includes(key)) fs.writeFileSync(f, s.split(key).join("[redacted API key]"));
    }' "$@"
}

# ------------------------------------------------------------------------------ main

if [[ "${1:-}" == __inner ]]; then
  shift
  SUITES=("$@")
  inner
  exit 0
fi

command -v node >/dev/null || die "node is needed (20 or later)"
command -v npm >/dev/null || die "npm is needed"
command -v java >/dev/null || die "java is needed (17 or later)"
command -v curl >/dev/null || die "curl is needed"
sources
for suite in "${SUITES[@]}"; do install_suite "$suite"; done
build_jar
{
  echo "host: $JAR, built $(date -u -r "$JAR" +%Y-%m-%dT%H:%M:%SZ), from a tree at" \
    "$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')" \
    "$(git -C "$ROOT" diff --quiet HEAD 2>/dev/null || echo '(with uncommitted changes)')"
} >> "$REPORTS/sources.txt"
api_key
rm -f "$REPORTS"/*.json "$REPORTS"/*.log "$REPORTS"/summary.txt "$REPORTS"/failures.md
# (sources.txt was just written)
if [[ "${CONFORMANCE_NETNS:-auto}" != off ]] && command -v ip >/dev/null \
    && unshare --net true 2>/dev/null; then
  log "running in a private network namespace (loopback only)"
  CONFORMANCE_IN_NETNS=1 unshare --net -- "$0" __inner "${SUITES[@]}"
else
  [[ "${CONFORMANCE_NETNS:-auto}" != on ]] || die "CONFORMANCE_NETNS=on, but unshare --net is not permitted here"
  log "running without a private network namespace (unshare --net not permitted)"
  "$0" __inner "${SUITES[@]}"
fi
node "$HERE/summarize.mjs" "$REPORTS" "${SUITES[@]}"
if grep -qE ' [1-9][0-9]* failed|no report' "$REPORTS/summary.txt"; then
  [[ "${CONFORMANCE_ALLOW_FAILURES:-false}" == true ]] && exit 0
  exit 1
fi
exit 0
