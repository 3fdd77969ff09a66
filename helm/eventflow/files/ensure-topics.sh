#!/bin/bash
# Creates the Eventflow topics if they are missing and checks the ones that exist. Used by the Helm chart's
# topics hook Job and by docker-compose's topics service; needs Kafka's CLI (KAFKA_BIN, default /opt/kafka/bin).
#   BOOTSTRAP_SERVERS    host:port list of the cluster
#   TOPICS               space-separated topic names (events and dead-letter topic)
#   PARTITIONS, REPLICATION_FACTOR, MIN_INSYNC_REPLICAS
#   CLIENT_PROPERTIES    optional path of a client properties file (TLS/SASL)
# A topic with fewer partitions or replicas than asked for is an error: adding partitions moves keys to other
# partitions (per-key order breaks across the change), so that is left to a person.
set -euo pipefail

bin="${KAFKA_BIN:-/opt/kafka/bin}"
client=()
if [ -n "${CLIENT_PROPERTIES:-}" ]; then
    client=(--command-config "$CLIENT_PROPERTIES")
fi

for topic in $TOPICS; do
    "$bin/kafka-topics.sh" --bootstrap-server "$BOOTSTRAP_SERVERS" "${client[@]}" --create --if-not-exists \
        --topic "$topic" --partitions "$PARTITIONS" --replication-factor "$REPLICATION_FACTOR" \
        --config "min.insync.replicas=$MIN_INSYNC_REPLICAS"
    summary="$("$bin/kafka-topics.sh" --bootstrap-server "$BOOTSTRAP_SERVERS" "${client[@]}" --describe \
        --topic "$topic" | grep -m1 'PartitionCount')"
    partitions="$(sed -n 's/.*PartitionCount: *\([0-9]*\).*/\1/p' <<<"$summary")"
    replicas="$(sed -n 's/.*ReplicationFactor: *\([0-9]*\).*/\1/p' <<<"$summary")"
    min_isr="$(sed -n 's/.*min\.insync\.replicas=\([0-9]*\).*/\1/p' <<<"$summary")"
    # an existing topic keeps its settings on --create: make min.insync.replicas what the values say
    if [ "$min_isr" != "$MIN_INSYNC_REPLICAS" ]; then
        "$bin/kafka-configs.sh" --bootstrap-server "$BOOTSTRAP_SERVERS" "${client[@]}" --alter \
            --entity-type topics --entity-name "$topic" --add-config "min.insync.replicas=$MIN_INSYNC_REPLICAS"
    fi
    if [ "$partitions" -lt "$PARTITIONS" ]; then
        echo "ERROR: topic $topic has $partitions partitions, the values ask for $PARTITIONS." \
            "Add partitions by hand (kafka-topics.sh --alter --partitions) if moving keys is acceptable," \
            "or set the partitions value to $partitions." >&2
        exit 1
    fi
    if [ "$replicas" -lt "$REPLICATION_FACTOR" ]; then
        echo "ERROR: topic $topic has replication factor $replicas, the values ask for $REPLICATION_FACTOR." \
            "Reassign its partitions (kafka-reassign-partitions.sh) or lower the replication factor value." >&2
        exit 1
    fi
    echo "topic $topic: $partitions partitions, replication factor $replicas, min.insync.replicas $MIN_INSYNC_REPLICAS"
done
