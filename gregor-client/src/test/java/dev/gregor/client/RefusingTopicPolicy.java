package dev.gregor.client;

import java.util.Map;
import org.apache.kafka.common.errors.PolicyViolationException;
import org.apache.kafka.server.policy.CreateTopicPolicy;

/** A broker-side create-topic policy for tests: topics whose name starts with "forbidden" are refused. */
public final class RefusingTopicPolicy implements CreateTopicPolicy {
  @Override
  public void validate(RequestMetadata request) {
    if (request.topic().startsWith("forbidden")) {
      throw new PolicyViolationException("topic names starting with 'forbidden' are not allowed here");
    }
  }

  @Override
  public void configure(Map<String, ?> configs) {}

  @Override
  public void close() {}
}
