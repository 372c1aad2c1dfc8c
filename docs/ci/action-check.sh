#!/usr/bin/env bash
# The GitHub Action's check step (action.yml); also runnable by hand or from any CI:
#   INPUT_PATH=drafts INPUT_SARIF=out.sarif bash docs/ci/action-check.sh
# Checks the drafts changed since BASE_SHA when git can tell, else every draft under
# INPUT_PATH; writes SARIF (masked) to INPUT_SARIF; exits with redactcheck's exit code.
set -uo pipefail
path="${INPUT_PATH:-.}"
sarif="${INPUT_SARIF:-redactcheck.sarif}"
fail_on="${INPUT_FAIL_ON:-medium}"
targets=()
if [[ -n "${BASE_SHA:-}" && ! "${BASE_SHA}" =~ ^0+$ ]] && git rev-parse -q --verify "${BASE_SHA}^{commit}" >/dev/null 2>&1; then
  while IFS= read -r -d '' file; do
    [[ -f "$file" ]] && targets+=("$file")
  done < <(git diff -z --name-only --diff-filter=ACMR "${BASE_SHA}" -- \
             '*.docx' '*.docm' '*.pdf' '*.md' '*.txt')
  if [[ ${#targets[@]} -eq 0 ]]; then
    echo "redactcheck: no changed drafts"
    printf '{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"redactcheck"}},"results":[]}]}\n' > "$sarif"
    exit 0
  fi
else
  targets=("$path")
fi
args=(check "${targets[@]}" --format sarif -o "$sarif" --force --fail-on "$fail_on")
if [[ -n "${INPUT_BASELINE:-}" ]]; then
  args+=(--baseline "$INPUT_BASELINE")
fi
redactcheck "${args[@]}"
status=$?
echo "redactcheck: exit ${status} (0 clean, 1 findings, 2 usage, 3 unreadable, 4 internal error)"
exit "$status"
