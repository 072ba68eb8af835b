#!/usr/bin/env bash
# Prints a Stryker JSON report as a per-file score table and the surviving (or uncovered) mutants.
# Score = (killed + timeout) / (killed + timeout + survived + no coverage), as Stryker counts it.
#   eng/mutation-summary.sh StrykerOutput/Bytez.AI/reports/mutation-report.json
set -euo pipefail
report="${1:?usage: $0 <mutation-report.json>}"
jq -r '
  def count(s): [.mutants[] | select(.status == s)] | length;
  .files | to_entries[] | select([.value.mutants[] | select(.status != "Ignored" and .status != "CompileError")] | length > 0)
  | (.key | sub(".*/src/"; "src/")) as $file
  | .value as $f
  | ($f | count("Killed")) as $k | ($f | count("Timeout")) as $t | ($f | count("Survived")) as $s | ($f | count("NoCoverage")) as $n
  | "\($file)\tkilled \($k + $t)\tsurvived \($s)\tno coverage \($n)\tscore \(if ($k + $t + $s + $n) > 0 then (($k + $t) * 1000 / ($k + $t + $s + $n) | floor) / 10 else "n/a" end)%",
    ($f.source | split("\n")) as $lines
    | ($f.mutants[] | select(.status == "Survived" or .status == "NoCoverage")
       | "    \(.status) L\(.location.start.line):\(.location.start.column) \(.mutatorName): \(.replacement // "" | gsub("\\s+"; " ") | .[0:100])")
' "$report"
