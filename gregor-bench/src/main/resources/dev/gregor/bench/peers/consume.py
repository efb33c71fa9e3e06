# Python confluent-kafka consumer for gregor-bench: joins a new group, reads N records from the
# beginning, timed from creating the consumer to the N-th record.
import sys
import time
import uuid

from confluent_kafka import Consumer

bootstrap, topic, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
start = time.perf_counter()
consumer = Consumer({"bootstrap.servers": bootstrap, "group.id": "bench-python-" + str(uuid.uuid4()),
                     "auto.offset.reset": "earliest"})
consumer.subscribe([topic])
seen = 0
deadline = start + 120
while seen < count:
    if time.perf_counter() > deadline:
        sys.exit("saw only %d of %d records in 120 s" % (seen, count))
    for message in consumer.consume(num_messages=1000, timeout=0.2):
        if message.error() is None:
            seen += 1
seconds = time.perf_counter() - start
consumer.close()
print("RESULT seconds=%f" % seconds)
