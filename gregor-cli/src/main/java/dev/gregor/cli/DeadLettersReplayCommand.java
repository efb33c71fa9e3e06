package dev.gregor.cli;

import dev.gregor.client.Gregor;
import dev.gregor.framework.DeadLetters;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gregor dead-letters replay TOPIC}: writes dead letters back to their origin topics. */
@Command(
    name = "replay",
    sortOptions = false,
    headerHeading = "%n",
    header = "Write the dead letters of a topic back to where they came from",
    synopsisHeading = "%nUsage:%n  ",
    descriptionHeading = "%nDescription:%n",
    description = {
        "  Writes every dead letter of TOPIC not replayed before back to its origin topic and",
        "  partition, with its key, value and original headers (the dead-letter headers are",
        "  dropped), in order per partition. Progress is committed by the consumer group",
        "  TOPIC_replay after each origin write is acknowledged, so a replay that stops half way",
        "  goes on where it stopped and nothing is replayed twice. How many were replayed is",
        "  reported on standard error."},
    parameterListHeading = "%nArguments:%n",
    optionListHeading = "%nOptions:%n",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:replayed (possibly none)", "1:usage error",
        "2:TOPIC does not exist, a record is not a dead letter, or the end was not reached within --timeout"},
    footerHeading = "%nExamples:%n",
    footer = {"  gregor dead-letters replay orders_dlt", "  gregor dead-letters replay orders_dlt --timeout 5m"})
public final class DeadLettersReplayCommand implements Callable<Integer> {
  @Parameters(paramLabel = "TOPIC", description = "The dead-letter topic.")
  String topic;

  @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class, defaultValue = "60s",
      description = "How long the replay may take before it stops (it goes on from there next time). Default: 60s.")
  Duration timeout;

  @Mixin
  KafkaOptions kafkaOptions;

  @Override
  public Integer call() {
    try (Gregor kafka = kafkaOptions.connect()) {
      if (!kafka.topics().list().contains(topic)) {
        throw new dev.gregor.client.UnknownTopic(topic, "Topic '" + topic + "' does not exist", kafka.topics().list(),
            null);
      }
      int replayed = DeadLetters.replay(kafka, topic, timeout);
      kafkaOptions.tell("Replayed " + replayed + " dead letter(s) of '" + topic + "'");
    }
    return GregorCommand.EXIT_OK;
  }
}
