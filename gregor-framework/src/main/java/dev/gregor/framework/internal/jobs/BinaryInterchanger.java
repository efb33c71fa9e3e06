package dev.gregor.framework.internal.jobs;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gregor.client.Message;
import dev.gregor.framework.Interchanger;
import dev.gregor.framework.Params;
import dev.gregor.framework.Parser;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@link Interchanger#binary()}: the params of a job as bytes, raw message bytes untouched (the
 * seed's reason for interchangers). Format, version 1, big-endian: the magic {@code GJ}, a version
 * byte, the count, then per message its route topic and Kafka topic (UTF), partition (int), offset
 * and timestamp in ms (long), key and value (int length, -1 for null, bytes), headers (int count,
 * then name in UTF and value as bytes) and the callbacks' attributes as a JSON object (bytes).
 */
public final class BinaryInterchanger implements Interchanger {
  public static final BinaryInterchanger INSTANCE = new BinaryInterchanger();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int VERSION = 1;

  private BinaryInterchanger() {}

  @Override
  public byte[] encode(List<Params> params) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte('G');
      out.writeByte('J');
      out.writeByte(VERSION);
      out.writeInt(params.size());
      for (Params each : params) {
        Message message = each.message();
        out.writeUTF(each.topic());
        out.writeUTF(message.topic());
        out.writeInt(message.partition());
        out.writeLong(message.offset());
        out.writeLong(message.timestamp().toEpochMilli());
        writeBytes(out, message.key());
        writeBytes(out, message.value());
        out.writeInt(message.headers().size());
        for (Message.Header header : message.headers()) {
          out.writeUTF(header.name());
          writeBytes(out, header.value());
        }
        writeBytes(out, JSON.writeValueAsBytes(each.attributes()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot encode job params: " + e.getMessage(), e);
    }
    return bytes.toByteArray();
  }

  @Override
  public List<Params> decode(byte[] data, Parser parser) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
      if (data.length < 3 || in.readByte() != 'G' || in.readByte() != 'J') {
        throw new IllegalArgumentException("not a Gregor job: it does not start with the magic 'GJ'");
      }
      int version = in.readByte();
      if (version != VERSION) {
        throw new IllegalArgumentException("job format version " + version + " is not known here (this Gregor reads "
            + VERSION + "); run workers of the same or a newer Gregor than the server");
      }
      int count = in.readInt();
      List<Params> params = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        String routeTopic = in.readUTF();
        String topic = in.readUTF();
        int partition = in.readInt();
        long offset = in.readLong();
        Instant timestamp = Instant.ofEpochMilli(in.readLong());
        byte[] key = readBytes(in);
        byte[] value = readBytes(in);
        int headerCount = in.readInt();
        List<Message.Header> headers = new ArrayList<>(headerCount);
        for (int h = 0; h < headerCount; h++) {
          headers.add(new Message.Header(in.readUTF(), readBytes(in)));
        }
        Map<String, Object> attributes = JSON.readValue(readBytes(in), new TypeReference<Map<String, Object>>() { });
        params.add(Params.parse(routeTopic, new Message(topic, partition, offset, timestamp, key, value, headers),
            parser, attributes));
      }
      return params;
    } catch (IOException e) {
      throw new IllegalArgumentException("Cannot decode job params (" + data.length + " bytes): " + e, e);
    }
  }

  private static void writeBytes(DataOutputStream out, byte[] bytes) throws IOException {
    if (bytes == null) {
      out.writeInt(-1);
    } else {
      out.writeInt(bytes.length);
      out.write(bytes);
    }
  }

  private static byte[] readBytes(DataInputStream in) throws IOException {
    int length = in.readInt();
    if (length < -1 || length > in.available()) {
      throw new IOException("a length of " + length + " does not fit the " + in.available() + " bytes left");
    }
    return length == -1 ? null : in.readNBytes(length);
  }

  @Override
  public String toString() {
    return "binary";
  }
}
