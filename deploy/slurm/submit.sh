#!/usr/bin/env bash
# Submits a whole baogao run to Slurm as three jobs, each started only when
# the one before it succeeded (--dependency=afterok): learn the lexicon of
# the whole corpus, analyse it in BAOGAO_SHARDS shards as a job array, and
# merge the shards into $BAOGAO_OUT/merged.
#
#   BAOGAO_OUT=/shared/baogao BAOGAO_SHARDS=8 deploy/slurm/submit.sh [FLAG...] PATH...
#
# FLAG... and PATH... go to both baogao learn and every shard's baogao run,
# so use the flags the two share (-split, -encoding, -exclude, -text-column,
# -max-size, -ocr, -dict-dir). PATH... must be readable on every node,
# and BAOGAO_OUT writable on every node. The jobs get this shell's
# environment (sbatch's default --export=ALL): BAOGAO_OUT, BAOGAO_SHARDS,
# BAOGAO_LEXICON and BAOGAO (the binary, default baogao on PATH) as the
# three scripts read them. sbatch's own variables set the rest, for all
# three jobs: SBATCH_ACCOUNT, SBATCH_PARTITION, SBATCH_TIMELIMIT, ...
# (a limit in one script's #SBATCH lines wins over them: see man sbatch).
# It prints the three job ids, learn, array and merge, one per line.
set -euo pipefail

die() {
	printf 'submit.sh: %s\n' "$*" >&2
	exit 2
}

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
[[ -n "${BAOGAO_OUT:-}" ]] || die "BAOGAO_OUT is not set: the base directory of the outputs, on a file system every node sees"
if ! [[ "${BAOGAO_SHARDS:-}" =~ ^[0-9]+$ ]] || ((10#$BAOGAO_SHARDS == 0)); then
	die "BAOGAO_SHARDS is '${BAOGAO_SHARDS:-}': want the number of shards, the size of the job array"
fi
(($# > 0)) || die "usage: BAOGAO_OUT=DIR BAOGAO_SHARDS=N submit.sh [FLAG...] PATH..."
BAOGAO_SHARDS="$((10#$BAOGAO_SHARDS))"
export BAOGAO_OUT BAOGAO_SHARDS
mkdir -p "$BAOGAO_OUT"

# jobid SBATCH_ARG...: submits and prints the job id (--parsable prints
# "id" or "id;cluster").
jobid() {
	local id
	id="$(sbatch --parsable "$@")"
	[[ "${id%%;*}" =~ ^[0-9]+$ ]] || die "sbatch $*: said '$id', not a job id"
	printf '%s\n' "${id%%;*}"
}

learn="$(jobid "$here/baogao-learn.sbatch" "$@")"
array="$(jobid --array="0-$((BAOGAO_SHARDS - 1))" --dependency="afterok:$learn" "$here/baogao-array.sbatch" "$@")"
merge="$(jobid --dependency="afterok:$array" "$here/baogao-merge.sbatch")"
printf '%s\n' "$learn" "$array" "$merge"
