package dev.gregor.client.internal.events;

import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * A notification's payload. A message's key and value go in as bytes and become text only when a
 * listener reads them, on the listener's thread: decoding every message for a listener that only
 * counts was most of what a listener cost the consumer.
 */
public final class Payload extends AbstractMap<String, Object> {
  /** Bytes read as UTF-8 text on first use; a race decodes twice into equal strings, which is harmless. */
  private static final class Text {
    private final byte[] bytes;
    private String text;

    Text(byte[] bytes) {
      this.bytes = bytes;
    }

    String get() {
      String decoded = text;
      if (decoded == null) {
        decoded = new String(bytes, StandardCharsets.UTF_8);
        text = decoded;
      }
      return decoded;
    }
  }

  // A handful of keys: parallel arrays are cheaper to fill and copy than a HashMap's nodes.
  private String[] keys;
  private Object[] values;
  private int size;

  Payload() {
    this.keys = new String[12];
    this.values = new Object[12];
  }

  private Payload(Payload other) {
    this.keys = other.keys.clone();
    this.values = other.values.clone();
    this.size = other.size;
  }

  /** Puts {@code bytes} under {@code key} as UTF-8 text (null stays null), decoded when first read. */
  public void putText(String key, byte[] bytes) {
    put(key, bytes == null ? null : new Text(bytes));
  }

  /** A copy that shares the not yet decoded values. */
  Payload copy() {
    return new Payload(this);
  }

  private static Object value(Object stored) {
    return stored instanceof Text text ? text.get() : stored;
  }

  private int indexOf(Object key) {
    for (int i = 0; i < size; i++) {
      if (keys[i].equals(key)) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public Object get(Object key) {
    int i = indexOf(key);
    return i < 0 ? null : value(values[i]);
  }

  @Override
  public boolean containsKey(Object key) {
    return indexOf(key) >= 0;
  }

  @Override
  public Object put(String key, Object value) {
    int i = indexOf(key);
    if (i >= 0) {
      Object old = values[i];
      values[i] = value;
      return value(old);
    }
    if (size == keys.length) {
      keys = Arrays.copyOf(keys, size * 2);
      values = Arrays.copyOf(values, size * 2);
    }
    keys[size] = key;
    values[size++] = value;
    return null;
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public Set<Entry<String, Object>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public Iterator<Entry<String, Object>> iterator() {
        return new Iterator<>() {
          private int next;

          @Override
          public boolean hasNext() {
            return next < size;
          }

          @Override
          public Entry<String, Object> next() {
            if (next >= size) {
              throw new NoSuchElementException();
            }
            int i = next++;
            return new SimpleImmutableEntry<>(keys[i], value(values[i]));
          }
        };
      }

      @Override
      public int size() {
        return size;
      }
    };
  }
}
