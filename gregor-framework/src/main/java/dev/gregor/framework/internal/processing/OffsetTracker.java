package dev.gregor.framework.internal.processing;

import dev.gregor.client.Message;
import java.util.Arrays;

/**
 * One partition's messages in fetch order with whether each is finished, so the offset to commit is
 * exactly the end of the finished prefix: nothing encoded in commit metadata, no cap but memory,
 * which the listener bounds by pausing the partition.
 */
final class OffsetTracker {
  private Message[] messages = new Message[64];
  private boolean[] finished = new boolean[64];
  private int head;
  private int size;
  /** False once a fetch went backwards (a reset after log truncation): lookups then scan instead of bisect. */
  private boolean ascending = true;

  /** Tracks a fetched message, not finished yet. */
  void track(Message message) {
    if (size == messages.length) {
      grow();
    }
    if (size > 0 && message.offset() <= at(size - 1).offset()) {
      ascending = false;
    }
    int slot = (head + size) & (messages.length - 1);
    messages[slot] = message;
    finished[slot] = false;
    size++;
  }

  /** Marks a tracked message finished (done, or skipped by the error policy). */
  void finish(Message message) {
    int index = indexOf(message);
    if (index >= 0) {
      finished[(head + index) & (messages.length - 1)] = true;
    }
  }

  /** Marks every tracked message up to and including {@code last} finished: an in-order chunk that finished. */
  void finishThrough(Message last) {
    int index = indexOf(last);
    for (int i = 0; i <= index; i++) {
      finished[(head + i) & (messages.length - 1)] = true;
    }
  }

  /** Drops the finished prefix and returns its last message, the one to mark for commit; null when none. */
  Message advance() {
    Message last = null;
    while (size > 0 && finished[head]) {
      last = messages[head];
      messages[head] = null;
      head = (head + 1) & (messages.length - 1);
      size--;
    }
    return last;
  }

  /** Tracked messages: fetched and not yet behind the committable offset. */
  int size() {
    return size;
  }

  /** The oldest unfinished message, or null. */
  Message oldest() {
    return size == 0 ? null : messages[head];
  }

  private Message at(int index) {
    return messages[(head + index) & (messages.length - 1)];
  }

  private int indexOf(Message message) {
    if (!ascending) {
      for (int i = 0; i < size; i++) {
        if (at(i) == message) {
          return i;
        }
      }
      return -1;
    }
    int low = 0;
    int high = size - 1;
    long offset = message.offset();
    while (low <= high) {
      int mid = (low + high) >>> 1;
      long at = at(mid).offset();
      if (at < offset) {
        low = mid + 1;
      } else if (at > offset) {
        high = mid - 1;
      } else {
        return mid;
      }
    }
    return -1;
  }

  private void grow() {
    Message[] moreMessages = new Message[messages.length * 2];
    boolean[] moreFinished = new boolean[messages.length * 2];
    for (int i = 0; i < size; i++) {
      int slot = (head + i) & (messages.length - 1);
      moreMessages[i] = messages[slot];
      moreFinished[i] = finished[slot];
    }
    Arrays.fill(messages, null);
    messages = moreMessages;
    finished = moreFinished;
    head = 0;
  }
}
