#!/usr/bin/env bash
# Mutation testing of the code that decides which path a statement runs under (RELIABILITY.md, "Mutation testing").
#   tenancy-core/src/test/mutation/mutation.sh [17|18] [extra Maven arguments, e.g. -DtargetClasses=...]
# PIT ends a minion whose mutant hangs with Runtime.halt, so an embedded PostgreSQL started inside each minion would
# be left running; this starts one server of the chosen version for the whole run and points every minion at it.
set -euo pipefail
cd "$(dirname "$0")/../../../.."
version="${1:-17}"
shift || true
case "$version" in
    17) profiles=mutation ;;
    18) profiles=mutation,postgres-18 ;;
    *) echo "PostgreSQL version must be 17 or 18, was '$version'" >&2; exit 2 ;;
esac
work="$(mktemp -d)"
trap 'exec 3>&- 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"' EXIT

./mvnw -B -q -pl tenancy-test-postgres -am -P"$profiles" compile org.apache.maven.plugins:maven-dependency-plugin:3.9.0:build-classpath \
    -Dmdep.outputFile="$work/classpath" -Dmdep.includeScope=runtime
mkfifo "$work/stdin"
java -cp "tenancy-test-postgres/target/classes:$(cat "$work/classpath")" \
    tenancy-core/src/test/mutation/MutationPostgres.java "$work/url" < "$work/stdin" &
exec 3> "$work/stdin"
while [ ! -f "$work/url" ]; do
    kill -0 $! 2>/dev/null || { echo "PostgreSQL did not start" >&2; exit 1; }
    sleep 1
done

TENANCY_TEST_JDBC_URL="$(cat "$work/url")" TENANCY_TEST_USERNAME=postgres \
    ./mvnw -B -pl tenancy-core -am -P"$profiles" verify -Dmaven.test.skip.exec=true "$@"
