# Shared settings of the fairness figure scripts (docs/fairness.md); sourced, not run.
# FAIRREG_JAR: the jar to measure (default: the one ./fairreg builds). OUT: where results go.
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
FAIRREG_JAR="${FAIRREG_JAR:-$root/cli/target/fairreg.jar}"
OUT="${OUT:-/tmp/fairreg-fairness}"
REAL="$root/core/src/test/resources/real"

fr() { java -jar "$FAIRREG_JAR" "$@"; }

# 60/20/20: 20% test, then 25% of the rest for validation.
SPLIT=(--test-fraction 0.2 --validation-fraction 0.25)

INSURANCE=(--data "$REAL/insurance.csv" --target charges)
LAWSCHOOL=(--data "$REAL/lawschool.csv" --target zfygpa
           --features lsat,ugpa,fulltime,fam_inc,cluster --categorical cluster --missing drop)

# dataset_args NAME: the data options of a named dataset/grouping.
dataset_args() {
    case "$1" in
        ins-smoker) echo "${INSURANCE[@]} --group smoker" ;;
        ins-sex)    echo "${INSURANCE[@]} --group sex" ;;
        ins-region) echo "${INSURANCE[@]} --group region" ;;
        law-white)  echo "${LAWSCHOOL[@]} --group race --group-vs-rest 7" ;;
        law-race8)  echo "${LAWSCHOOL[@]} --group race" ;;
        *) echo "unknown dataset $1" >&2; return 2 ;;
    esac
}
