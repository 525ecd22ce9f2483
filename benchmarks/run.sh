#!/usr/bin/env bash
# Builds the benchmarks module and runs the benchmarks behind BENCHMARKS.md, each figure beside its baseline.
#
#   benchmarks/run.sh [--quick] [--postgres-18] [request|plans|scale|fleet|provisioned-fleet|commands|provisioning|tests|checkout|pooler|roles ...]
#
# --quick: small sizes and short runs (a few minutes in all), to check the harness and see rough ratios.
# Without it: the sizes and durations of BENCHMARKS.md (about 75 minutes on 2 cores, 55 of them `request`).
# --postgres-18: build with -Ppostgres-18, so that the embedded server is PostgreSQL 18 instead of 17.
# Names pick benchmarks (default: all). Everything is printed and also written to
# benchmarks/target/results-<time>.txt; the RESULT lines are repeated at the end.
# Needs a JDK 17+; PostgreSQL comes embedded (or set TENANCY_TEST_JDBC_URL, see README.md). The request benchmark
# uses wrk when installed (apt-get install wrk), else a Java load generator.
# TENANCY_BENCHMARK_VARIANTS: more request-benchmark variants, measured in every request scenario, as
# RequestOverheadBenchmark's --define-variant takes them, e.g.
#   TENANCY_BENCHMARK_VARIANTS='tenancy-affinity:tenancy:--tenancy.pool.affinity.enabled=true' benchmarks/run.sh request
set -euo pipefail
cd "$(dirname "$0")/.."

quick=false
profile=()
while [[ "${1:-}" == --* ]]; do
    case "$1" in
        --quick) quick=true ;;
        --postgres-18) profile=(-Ppostgres-18) ;;
        *) echo "Unknown option '$1': use --quick and/or --postgres-18." >&2; exit 2 ;;
    esac
    shift
done
selected=("$@")
if [[ ${#selected[@]} -eq 0 ]]; then
    selected=(request plans scale fleet provisioned-fleet commands provisioning tests checkout pooler roles)
fi

./mvnw -q -B -pl benchmarks -am package -DskipTests ${profile[@]+"${profile[@]}"}
classpath="benchmarks/target/classes:$(cat benchmarks/target/benchmark-classpath.txt)"
results="benchmarks/target/results-$(date +%Y%m%d-%H%M%S).txt"

run() {
    echo
    echo "== $* (load average $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown))"
    java -cp "$classpath" "$@"
}

benchmark() {
    case "$1" in
        request)
            # The scenarios of issue 18, each beside the untenanted baseline of its own run (see README.md). Each
            # server warms until its JIT is quiet (at least --warmup, at most --warmup-max seconds, few clients).
            local all=untenanted,untenanted+set,tenancy,tenancy-affine,tenancy-unlabelled,naive,tenancy-pooler
            all=$all,tenancy-roles,hibernate-schema-mapper,apartment
            local common many rounds
            if $quick; then
                common=(--clients=64 --warmup=5 --warmup-max=30 --duration=3)
                rounds=(--rounds=2)
                many=1000
            else
                common=(--clients=64 --warmup=30 --warmup-max=300 --duration=10)
                rounds=(--rounds=5)
                many=10000
            fi
            if [[ -n "${TENANCY_BENCHMARK_VARIANTS:-}" ]]; then
                common+=(--define-variant="$TENANCY_BENCHMARK_VARIANTS")
            fi
            run dev.tenancy.benchmarks.http.RequestOverheadBenchmark "${common[@]}" "${rounds[@]}" \
                --scenario=one-read-100 --tenants=100 --page=one-read --distribution=uniform --variants=$all
            # Tenancy's own cost apart from spreading requests over schemas: the same read, always one tenant
            run dev.tenancy.benchmarks.http.RequestOverheadBenchmark "${common[@]}" "${rounds[@]}" \
                --scenario=one-read-1 --tenants=1 --page=one-read --distribution=uniform \
                --variants=untenanted,untenanted+set,tenancy,tenancy-affine
            $quick || rounds=(--rounds=3)
            run dev.tenancy.benchmarks.http.RequestOverheadBenchmark "${common[@]}" "${rounds[@]}" \
                --scenario=skewed-1000 --tenants=1000 --page=one-read --distribution=uniform,zipf --zipf-s=1.1 \
                --variants=untenanted,untenanted+set,tenancy,tenancy-affine,hibernate-schema-mapper,apartment
            run dev.tenancy.benchmarks.http.RequestOverheadBenchmark "${common[@]}" "${rounds[@]}" \
                --scenario=realistic-100 --tenants=100 --page=realistic --distribution=uniform \
                --variants=untenanted,untenanted+set,tenancy,tenancy-affine,hibernate-schema-mapper
            run dev.tenancy.benchmarks.http.RequestOverheadBenchmark "${common[@]}" "${rounds[@]}" \
                --scenario=tenants-$many --tenants=$many --load-tenants=100,$many --page=one-read \
                --distribution=uniform --variants=untenanted,tenancy ;;
        scale)
            if $quick; then
                run dev.tenancy.benchmarks.scale.ScaleBenchmark --tenants=10,1000 --starts=1
            else
                run dev.tenancy.benchmarks.scale.ScaleBenchmark --tenants=10,10000 --starts=3
            fi ;;
        fleet)
            if $quick; then
                run -Xmx512m dev.tenancy.benchmarks.migration.FleetMigrationBenchmark 200 2
            else
                run -Xmx512m dev.tenancy.benchmarks.migration.FleetMigrationBenchmark 1000 2
                run -Xmx512m dev.tenancy.benchmarks.migration.FleetMigrationBenchmark 10000 2
            fi ;;
        provisioned-fleet)
            if $quick; then
                run dev.tenancy.benchmarks.migration.ProvisionedFleetBenchmark 200 2
            else
                run dev.tenancy.benchmarks.migration.ProvisionedFleetBenchmark 10000 5
            fi ;;
        commands)
            if $quick; then
                run dev.tenancy.benchmarks.commands.CommandStartBenchmark --tenants=100 --runs=2
            else
                run dev.tenancy.benchmarks.commands.CommandStartBenchmark --tenants=100 --runs=7
            fi ;;
        provisioning)
            if $quick; then
                run dev.tenancy.benchmarks.provisioning.ProvisioningBenchmark 5 100
            else
                run dev.tenancy.benchmarks.provisioning.ProvisioningBenchmark 20 1000
            fi ;;
        tests)
            if $quick; then
                run dev.tenancy.benchmarks.testsupport.TenantTestBenchmark 1
            else
                run dev.tenancy.benchmarks.testsupport.TenantTestBenchmark 3
            fi ;;
        plans)
            if $quick; then
                run dev.tenancy.benchmarks.http.PlanCountBenchmark --reads=5000
            else
                run dev.tenancy.benchmarks.http.PlanCountBenchmark --reads=20000
            fi ;;
        roles)
            if $quick; then
                run dev.tenancy.benchmarks.RoleCost 100 5000 3
            else
                run dev.tenancy.benchmarks.RoleCost 100 20000 5
            fi ;;
        checkout)
            if $quick; then
                run org.openjdk.jmh.Main CheckoutBenchmark -wi 1 -i 1 -w 1 -r 2 -t 4
            else
                run org.openjdk.jmh.Main CheckoutBenchmark -wi 2 -i 3 -w 2 -r 3 -t 4
            fi ;;
        pooler)
            if $quick; then
                run dev.tenancy.benchmarks.pooler.PoolerModeBenchmark --rounds=3 --ops=500
            else
                run dev.tenancy.benchmarks.pooler.PoolerModeBenchmark --rounds=7 --ops=2000
            fi ;;
        *)
            echo "Unknown benchmark '$1': use request, plans, scale, fleet, provisioned-fleet, commands, provisioning, tests, checkout, pooler or roles." >&2
            exit 2 ;;
    esac
}

{
    echo "Tenancy benchmarks ($($quick && echo quick || echo full)${profile[@]+, ${profile[*]}}): ${selected[*]}"
    echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo 2>/dev/null)," \
         "$(java -version 2>&1 | head -1)"
    for name in "${selected[@]}"; do
        benchmark "$name"
    done
    echo
    echo "== Results"
} 2>&1 | tee "$results"
summary=$(grep -E '^RESULT|^CheckoutBenchmark' "$results" || true)
echo "$summary" | tee -a "$results"
echo "Written to $results"
