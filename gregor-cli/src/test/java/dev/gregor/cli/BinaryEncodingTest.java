package dev.gregor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.gregor.client.Message;
import dev.gregor.client.PendingMessage;
import dev.gregor.client.Produce;
import dev.gregor.embedded.EmbeddedKafka;
import dev.gregor.embedded.EmbeddedKafkaTest;
import dev.gregor.embedded.TestTopics;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** --key-encoding and --value-encoding: bytes that are not UTF-8 go through consume and produce unchanged. */
@EmbeddedKafkaTest
class BinaryEncodingTest {
  private static final byte[] KEY = {(byte) 0xff, 0x00, (byte) 0xc3, 0x28};      // not UTF-8: 0xff, and 0xc3 before 0x28
  private static final byte[] VALUE = {(byte) 0x80, (byte) 0xfe, 0x0a, 0x00, (byte) 0xed, (byte) 0xa0, (byte) 0x80};

  @Test
  void jsonLinesInBase64CopyBytesThatAreNotUtf8Exactly(EmbeddedKafka kafka, TestTopics topics) {
    String source = topics.create(1);
    String copy = topics.create(1);
    Topics.write(kafka, List.of(new PendingMessage(source, VALUE, Produce.options().withKey(KEY))));

    Cli.Result consumed = Cli.run(Cli.against(kafka.bootstrapServers(), "consume", source, "--from-beginning", "--exit",
        "--output", "json", "--key-encoding", "base64", "--value-encoding", "base64"));
    Cli.Result produced = Cli.runWithInput(consumed.out(), Cli.against(kafka.bootstrapServers(), "produce", copy, "--json",
        "--key-encoding", "base64", "--value-encoding", "base64"));

    assertThat(consumed.out()).contains("\"key\":\"" + Base64.getEncoder().encodeToString(KEY) + "\"");
    assertThat(produced.exitCode()).as(produced.err()).isZero();
    Message message = Topics.read(kafka, copy).get(0);
    assertThat(message.key()).isEqualTo(KEY);
    assertThat(message.value()).isEqualTo(VALUE);
  }

  @Test
  void hexLinesWithAKeySeparatorRoundTripThroughFormatAndProduce(EmbeddedKafka kafka, TestTopics topics) {
    String source = topics.create(1);
    String copy = topics.create(1);
    Topics.write(kafka, List.of(new PendingMessage(source, VALUE, Produce.options().withKey(KEY))));

    Cli.Result consumed = Cli.run(Cli.against(kafka.bootstrapServers(), "consume", source, "--from-beginning", "--exit",
        "--format", "%k:%s\\n", "--key-encoding", "hex", "--value-encoding", "hex"));
    Cli.Result produced = Cli.runWithInput(consumed.out(), Cli.against(kafka.bootstrapServers(), "produce", copy, "-K", ":",
        "--key-encoding", "hex", "--value-encoding", "hex"));

    assertThat(consumed.out()).isEqualTo(HexFormat.of().formatHex(KEY) + ":" + HexFormat.of().formatHex(VALUE) + "\n");
    assertThat(produced.exitCode()).as(produced.err()).isZero();
    Message message = Topics.read(kafka, copy).get(0);
    assertThat(message.key()).isEqualTo(KEY);
    assertThat(message.value()).isEqualTo(VALUE);
  }

  @Test
  void aValueThatIsNotTheEncodingIsABadLineNamingIt(EmbeddedKafka kafka, TestTopics topics) {
    String topic = topics.create(1);

    Cli.Result result = Cli.runWithInput("abc\n", Cli.against(kafka.bootstrapServers(), "produce", topic,
        "--value-encoding", "hex"));

    assertThat(result.exitCode()).isEqualTo(3);
    assertThat(result.err()).contains("gregor produce: line 1: the value is not hex");
  }

  @Test
  void bytesFromKcatPrintAsTheSameBase64(EmbeddedKafka kafka, TestTopics topics) throws Exception {
    assumeTrue(Kcat.program() != null, "kcat is not installed (apt install kcat); the gregor/kcat comparison is skipped");
    String topic = topics.create(1);
    Topics.write(kafka, List.of(new PendingMessage(topic, VALUE, Produce.options().withKey(KEY))));

    byte[] byKcat = Kcat.run("", "-b", kafka.bootstrapServers(), "-C", "-t", topic, "-o", "beginning", "-e", "-q", "-f", "%s");
    Cli.Result byGregor = Cli.run(Cli.against(kafka.bootstrapServers(), "consume", topic, "--from-beginning", "--exit",
        "--value-encoding", "base64"));

    assertThat(byKcat).isEqualTo(VALUE);
    assertThat(byGregor.out()).as(byGregor.err()).isEqualTo(Base64.getEncoder().encodeToString(VALUE) + System.lineSeparator());
  }
}
