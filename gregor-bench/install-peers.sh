#!/usr/bin/env bash
# Installs the external peers the benchmarks compare Gregor with; safe to run again (each step
# is skipped when already done). Scenarios whose peer is missing are skipped with a message.
#   kcat and Python confluent-kafka:  Debian packages (needs root, or sudo)
#   Kafka's ProducerPerformance / ConsumerPerformance and KafkaClusterTestKit: their jars and
#   dependencies from Maven Central, each on its own class path in $GREGOR_BENCH_PEERS
#   (default ~/.gregor/bench-peers)
set -euo pipefail

here="$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")"
root="$(dirname "$here")"
peers="${GREGOR_BENCH_PEERS:-$HOME/.gregor/bench-peers}"
# kafka-tools is published to Maven Central separately from kafka-clients; this is its newest release there.
tools_version="${KAFKA_TOOLS_VERSION:-4.3.1}"

debian_packages=()
command -v kcat >/dev/null 2>&1 || debian_packages+=(kcat)
/usr/bin/python3 -c 'import confluent_kafka' >/dev/null 2>&1 || debian_packages+=(python3-confluent-kafka)
if ((${#debian_packages[@]})); then
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "apt-get not found: install ${debian_packages[*]} yourself; those scenarios are skipped until then" >&2
  else
    sudo=""
    [[ $(id -u) -eq 0 ]] || sudo="sudo"
    echo "Installing ${debian_packages[*]} from Debian's packages..."
    $sudo apt-get update -qq
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${debian_packages[@]}"
  fi
else
  echo "kcat and python3-confluent-kafka: already installed"
fi

tools_dir="$peers/kafka-tools-$tools_version"
if [[ -f "$tools_dir/.complete" ]]; then
  echo "Kafka perf tools $tools_version: already in $tools_dir"
else
  echo "Fetching Kafka perf tools $tools_version (kafka-tools and its dependencies) into $tools_dir..."
  mkdir -p "$tools_dir"
  (cd "$root" && ./mvnw -q -f gregor-bench/peers/kafka-tools.pom.xml -Dkafka.tools.version="$tools_version" \
      dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$tools_dir")
  touch "$tools_dir/.complete"
fi
testkit_version="${KAFKA_TESTKIT_VERSION:-4.3.1}" # kafka-clients 4.4.0 has no test jar on Maven Central
testkit_dir="$peers/kafka-testkit-$testkit_version"
if [[ -f "$testkit_dir/.complete" ]]; then
  echo "Kafka's KafkaClusterTestKit $testkit_version: already in $testkit_dir"
else
  echo "Fetching Kafka's KafkaClusterTestKit $testkit_version and its dependencies into $testkit_dir..."
  mkdir -p "$testkit_dir"
  (cd "$root" && ./mvnw -q -f gregor-bench/peers/kafka-testkit.pom.xml -Dkafka.testkit.version="$testkit_version" \
      dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$testkit_dir")
  touch "$testkit_dir/.complete"
fi
echo "Peers ready. Run ./bench --groups peers,startup"
