package dev.gregor.framework.internal.processing;

import dev.gregor.client.Message;
import dev.gregor.client.TopicPartition;
import dev.gregor.framework.OffsetStore;
import java.util.List;

/** One message or batch handed to a route's {@link OffsetStore}, which performs it in its transaction. */
record StoredWork(String group, TopicPartition tp, List<Message> messages, Performing performing)
    implements OffsetStore.Work {

  /** The framework's perform: callbacks, controller, responses. */
  @FunctionalInterface
  interface Performing {
    void perform(List<Message> messages) throws Exception;
  }

  @Override
  public String topic() {
    return tp.topic();
  }

  @Override
  public int partition() {
    return tp.partition();
  }

  @Override
  public void perform(List<Message> fresh) throws Exception {
    performing.perform(fresh);
  }
}
