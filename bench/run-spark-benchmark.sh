#!/usr/bin/env bash
# Trains the same generated rows with the local trainer (one batch of every row, 1 and 2 threads)
# and with the Spark trainer in local mode, full-pass steps, then on small data with 2 to 128
# partitions to show the per-step overhead; prints the Markdown tables of docs/spark.md.
#
# Usage: bench/run-spark-benchmark.sh [ROWS [EPOCHS [MASTER]]]     (defaults: 1000000 3 local[2])
# The JVM gets the options spark-submit adds on Java 17 and later (JavaModuleOptions), which
# include the Vector API module, so both trainers use the same kernels.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

echo "building the bench module (-Pspark-benchmark)" >&2
mvn -B -q -Pspark-benchmark -pl bench -am -Dmaven.test.skip=true package
classpath="bench/target/classes:$(cat bench/target/spark-benchmark.classpath)"
export SPARK_LOCAL_IP=${SPARK_LOCAL_IP:-127.0.0.1}
exec java -Xmx6g -XX:+IgnoreUnrecognizedVMOptions --add-modules=jdk.incubator.vector \
    --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED \
    --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED \
    --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED \
    --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED \
    --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED \
    --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED \
    --add-opens=java.base/sun.nio.cs=ALL-UNNAMED --add-opens=java.base/sun.security.action=ALL-UNNAMED \
    --add-opens=java.base/sun.util.calendar=ALL-UNNAMED \
    --add-opens=java.security.jgss/sun.security.krb5=ALL-UNNAMED \
    -Dio.netty.tryReflectionSetAccessible=true \
    -Dlog4j2.level=warn \
    -cp "$classpath" org.fairreg.bench.SparkBenchmark "$@"
