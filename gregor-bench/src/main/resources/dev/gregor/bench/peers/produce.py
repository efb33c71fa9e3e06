# Python confluent-kafka producer for gregor-bench: N records of SIZE bytes, librdkafka defaults
# (acks=all), timed from the first produce to the end of flush().
import sys
import time

from confluent_kafka import Producer

bootstrap, topic, count, size = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
producer = Producer({"bootstrap.servers": bootstrap})
value = b"x" * size
failures = []


def delivered(error, message):
    if error is not None:
        failures.append(error)


start = time.perf_counter()
for i in range(count):
    while True:
        try:
            producer.produce(topic, value, on_delivery=delivered)
            break
        except BufferError:  # the local queue is full: serve delivery reports, then retry
            producer.poll(0.01)
    if i % 1000 == 0:
        producer.poll(0)
left = producer.flush(60)
seconds = time.perf_counter() - start
if left or failures:
    sys.exit("%d undelivered, %d failed: %s" % (left, len(failures), failures[:3]))
print("RESULT seconds=%f" % seconds)
