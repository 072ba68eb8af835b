#!/usr/bin/env bash
# Mutation testing of the shipped libraries' core files (Stryker.NET, pinned in .config/dotnet-tools.json).
# Not part of .ci/run: a full run takes hours on a shared 2-core machine. See CONTRIBUTING.md and docs/mutation.md.
#
#   eng/mutation.sh                      every target in eng/mutation/, soak test included
#   eng/mutation.sh --no-soak            leave the soak test (Category=Soak, ~30 s per covering mutant) out
#   eng/mutation.sh --mutate '**/Streaming/BytezTextStreamReader.cs'   one file while iterating (repeatable)
#   eng/mutation.sh --target Bytez.AI    one target (eng/mutation/<target>.stryker-config.json)
#   eng/mutation.sh --concurrency 2      parallel test sessions (default 1: the machine is shared)
#   eng/mutation.sh --test-project tests/X/X.csproj   only these test projects (repeatable; a quicker, lower score)
#   eng/mutation.sh --filter 'FullyQualifiedName~Protocol'  only the tests this VSTest filter selects (idem)
#   eng/mutation.sh --output-dir DIR     reports under DIR/<target> instead of StrykerOutput/<target>
#   eng/mutation.sh --per-file           one Stryker run per file of the config's mutate list, in sequence (a long
#                                        target in parts; each part's report in StrykerOutput/<target>/<file>/)
#
# Each target is a source project (src/<target>) with the test projects that cover it, listed in its config.
# Reports: StrykerOutput/<target>/reports/ (mutation-report.html, mutation-report.json); a per-file summary is printed.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

targets=()
extra=()
per_file=0
output_root="$root/StrykerOutput"
filters=()
while [ $# -gt 0 ]; do
  case "$1" in
    --no-soak) filters+=('Category!=Soak'); shift ;;
    --filter) filters+=("($2)"); shift 2 ;;
    --mutate) extra+=(--mutate "$2"); shift 2 ;;
    --target) targets+=("$2"); shift 2 ;;
    --concurrency) extra+=(--concurrency "$2"); shift 2 ;;
    --per-file) per_file=1; shift ;;
    --output-dir) output_root="$(mkdir -p "$2" && cd "$2" && pwd)"; shift 2 ;;
    --test-project) extra+=(--test-project "$root/$2"); shift 2 ;;
    -h|--help) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option: $1 (see --help)" >&2; exit 2 ;;
  esac
done

if [ ${#filters[@]} -gt 0 ]; then
  extra+=(--test-case-filter "$(IFS='&'; echo "${filters[*]}")")
fi

if [ ${#targets[@]} -eq 0 ]; then
  for config in eng/mutation/*.stryker-config.json; do
    name="$(basename "$config")"
    targets+=("${name%.stryker-config.json}")
  done
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet tool restore >/dev/null

status=0
# run <config> <output> [stryker options...]: one Stryker run, then its per-file summary.
run() {
  local config="$1" output="$2"
  shift 2
  rm -rf "$output"
  # Run from the source project's folder: at the repository root Stryker would switch to solution mode, which
  # mutates every project and runs every test project.
  (cd "src/$target" && dotnet dotnet-stryker --config-file "$config" --output "$output" --skip-version-check "$@") || status=1
  local report="$output/reports/mutation-report.json"
  if [ -f "$report" ]; then
    "$root/eng/mutation-summary.sh" "$report"
  fi
}

for target in "${targets[@]}"; do
  config="$root/eng/mutation/$target.stryker-config.json"
  [ -f "$config" ] || { echo "no config for target $target ($config)" >&2; exit 2; }
  output="$output_root/$target"
  echo "== $target"
  if [ "$per_file" -eq 1 ]; then
    rm -rf "$output"
    while IFS= read -r pattern; do
      part="$(basename "$pattern" .cs)"
      echo "== $target: $pattern"
      run "$config" "$output/$part" --mutate "$pattern" ${extra[@]+"${extra[@]}"}
    done < <(jq -r '."stryker-config".mutate[]' "$config")
  else
    run "$config" "$output" ${extra[@]+"${extra[@]}"}
  fi
done
exit "$status"
