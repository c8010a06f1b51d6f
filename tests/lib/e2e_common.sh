# Shared set-up of the end-to-end scripts (tests/e2e_*.sh), sourced with the
# script's own arguments: ECONKG_BINARY SOURCE_DIR SCRATCH_DIR.
# Sets $econkg, $src, $scratch, $python; starts in an empty $scratch; gives
# check/ok/not_ok that count results, and finish, which prints the
# "N passed, N failed" line ctest readers look for and sets the exit status.
name=$(basename "$0")
econkg=${1:?usage: $name ECONKG_BINARY SOURCE_DIR SCRATCH_DIR}
src=${2:?usage: $name ECONKG_BINARY SOURCE_DIR SCRATCH_DIR}
scratch=${3:?usage: $name ECONKG_BINARY SOURCE_DIR SCRATCH_DIR}
python=/usr/bin/python3

rm -rf "$scratch"
mkdir -p "$scratch"
cd "$scratch" || exit 1

passed=0
failed=0
ok() { passed=$((passed + 1)); echo "ok - $1"; }
not_ok() { failed=$((failed + 1)); echo "not ok - $1"; }
check() {  # check DESCRIPTION COMMAND...
  local what=$1
  shift
  if "$@"; then ok "$what"; else not_ok "$what"; fi
}
finish() {
  echo "$passed passed, $failed failed"
  [ "$failed" -eq 0 ]
}
