package dev.gregor.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The checker's logic on synthetic histories: each violation is found, named and counted, and only it. */
@Tag("chaos")
class CheckerTest {
  private final History history = new History();

  private void write(String key, long seq, int partition, long offset) {
    Sequenced record = new Sequenced(key, seq);
    history.attempted(record);
    history.acknowledged(record, partition, offset);
  }

  private void process(String member, String key, long seq, int partition, long offset, long at) {
    history.processed(member, partition, offset, new Sequenced(key, seq), at);
  }

  @Test
  void everyAcknowledgedRecordProcessedOnceInOrderPassesEveryGuarantee() {
    for (int i = 0; i < 5; i++) {
      write("a", i, 0, i);
      process("m1", "a", i, 0, i, 10 + i);
    }
    history.committed("m1", 0, 5, 20);

    Report report = history.check("clean");

    report.assertHolds(Guarantee.EXACTLY_ONCE);
    assertThat(report.summary(Guarantee.EXACTLY_ONCE)).isEqualTo("clean: attempted=5 acked=5 read=5 lost=0 dup.log=0 "
        + "dup.processed=0 dup.committed=0 reordered=0 reordered.key=0 committed.unprocessed=0 unacked.written=0 -> PASS");
  }

  @Test
  void anAcknowledgedRecordNobodyProcessedIsLost() {
    write("a", 0, 0, 0);
    write("a", 1, 0, 1);
    process("m1", "a", 0, 0, 0, 1);

    Report report = history.check("lost");

    assertThat(report.count(Violation.LOST)).isEqualTo(1);
    assertThat(report.examples(Violation.LOST)).containsExactly("a:1 acknowledged at 0/1, never processed");
    assertThatThrownBy(() -> report.assertHolds(Guarantee.IDEMPOTENT_PRODUCER))
        .isInstanceOf(GuaranteeViolated.class)
        .hasMessageContaining("lost=1 ")
        .hasMessageContaining("FAIL (lost)")
        .hasMessageContaining("a:1 acknowledged at 0/1");
  }

  @Test
  void aRecordStoredAtTwoOffsetsIsDuplicatedInTheLogButNotReordered() {
    write("a", 0, 0, 0);
    write("a", 1, 0, 1);
    process("v", "a", 0, 0, 0, 1);
    process("v", "a", 1, 0, 1, 2);
    process("v", "a", 0, 0, 2, 3); // a non-idempotent retry wrote a:0 again

    Report report = history.check("retry");

    assertThat(report.count(Violation.DUPLICATED_IN_LOG)).isEqualTo(1);
    assertThat(report.examples(Violation.DUPLICATED_IN_LOG)).containsExactly("a:0 stored at [0/0, 0/2]");
    assertThat(report.count(Violation.REORDERED)).isZero();
    assertThat(report.count(Violation.PROCESSED_TWICE)).isZero();
  }

  @Test
  void aLaterRecordStoredBeforeAnEarlierOneOfTheSameKeyIsReordered() {
    write("a", 1, 0, 0);
    write("b", 0, 0, 1);
    write("a", 0, 0, 2);
    write("b", 1, 1, 0);
    write("b", 0, 1, 1); // another partition: order is per partition
    for (int[] p : new int[][] {{0, 0}, {0, 1}, {0, 2}, {1, 0}, {1, 1}}) {
      history.processed("v", p[0], p[1], null, 1);
    }

    Report report = history.check("reorder");

    assertThat(report.count(Violation.REORDERED)).isEqualTo(2);
    assertThat(report.examples(Violation.REORDERED)).containsExactly("a:0 at 0/2 after a:1", "b:0 at 1/1 after b:1");
  }

  @Test
  void aRecordFinishedBeforeAnEarlierRecordOfItsKeyIsProcessedOutOfKeyOrder() {
    write("a", 0, 0, 0);
    write("b", 0, 0, 1);
    write("a", 1, 0, 2);
    write("b", 1, 0, 3);
    process("m1", "b", 1, 0, 3, 10); // b:1 before b:0 ...
    process("m1", "a", 0, 0, 0, 11);
    process("m1", "b", 0, 0, 1, 12);
    process("m1", "a", 1, 0, 2, 13); // ... while a keeps its order even across keys
    process("m2", "a", 0, 0, 0, 14); // a replay of a finished record is not a reordering

    Report report = history.check("keys");

    assertThat(report.count(Violation.PROCESSED_OUT_OF_KEY_ORDER)).isEqualTo(1);
    assertThat(report.examples(Violation.PROCESSED_OUT_OF_KEY_ORDER))
        .containsExactly("0/3 (b) finished before 0/1 of the same key");
    assertThatThrownBy(() -> report.assertHolds(Guarantee.KEY_ORDERED_CONSUMER))
        .hasMessageContaining("FAIL (reordered.key)");
    report.assertHolds(Guarantee.AT_LEAST_ONCE_CONSUMER);
  }

  @Test
  void aPositionProcessedTwiceIsADuplicateByProcessingThatAtLeastOnceAllows() {
    write("a", 0, 0, 0);
    write("a", 1, 0, 1);
    process("m1", "a", 0, 0, 0, 1);
    process("m1", "a", 1, 0, 1, 2);
    history.committed("m1", 0, 1, 3);
    process("m2", "a", 1, 0, 1, 4); // m1 crashed before committing 2: the uncommitted tail is read again

    Report report = history.check("tail");

    assertThat(report.count(Violation.PROCESSED_TWICE)).isEqualTo(1);
    assertThat(report.examples(Violation.PROCESSED_TWICE)).containsExactly("0/1 processed by [m1, m2]");
    report.assertHolds(Guarantee.AT_LEAST_ONCE_CONSUMER);
    assertThatThrownBy(() -> report.assertHolds(Guarantee.EXACTLY_ONCE)).hasMessageContaining("dup.processed=1");
  }

  @Test
  void processingAPositionTheGroupHadAlreadyCommittedIsNotFromTheUncommittedTail() {
    write("a", 0, 0, 0);
    write("a", 1, 0, 1);
    process("m1", "a", 0, 0, 0, 1);
    process("m1", "a", 1, 0, 1, 2);
    history.committed("m1", 0, 2, 3);
    process("m2", "a", 0, 0, 0, 4);

    Report report = history.check("rewind");

    assertThat(report.count(Violation.PROCESSED_AFTER_COMMIT)).isEqualTo(1);
    assertThat(report.examples(Violation.PROCESSED_AFTER_COMMIT)).containsExactly("0/0 processed by m2 after m1 committed 2");
  }

  @Test
  void aCommitAboveAPositionNobodyProcessedIsCommittedButUnprocessed() {
    write("a", 0, 0, 0);
    write("a", 1, 0, 1);
    write("a", 2, 0, 2);
    process("m1", "a", 0, 0, 0, 1);
    history.committed("m1", 0, 3, 2);
    process("m1", "a", 2, 0, 2, 3);

    Report report = history.check("ahead");

    assertThat(report.count(Violation.COMMITTED_UNPROCESSED)).isEqualTo(1);
    assertThat(report.examples(Violation.COMMITTED_UNPROCESSED)).containsExactly("0/1 below committed 3, never processed");
    assertThat(report.count(Violation.LOST)).isEqualTo(1);
    assertThat(report.count(Violation.PROCESSED_AFTER_COMMIT)).isEqualTo(1);
  }

  @Test
  void anUndecodableRecordThatWasSkippedCountsAsProcessed() {
    write("a", 0, 0, 0);
    process("m1", "a", 0, 0, 0, 1);
    history.processed("m1", 0, 1, null, 2); // the poison pill at offset 1, skipped by the policy
    write("a", 1, 0, 2);
    process("m1", "a", 1, 0, 2, 3);
    history.committed("m1", 0, 3, 4);

    Report report = history.check("pill");

    report.assertHolds(Guarantee.EXACTLY_ONCE);
    assertThat(report.read()).isEqualTo(3);
  }

  @Test
  void anExpectedRecordMissingDownstreamIsLostAndOneFoundTwiceIsDuplicated() {
    history.expected(new Sequenced("a", 0));
    history.expected(new Sequenced("a", 1));
    history.expected(new Sequenced("a", 2));
    process("reader", "a", 0, 0, 0, 1);
    process("reader", "a", 0, 0, 1, 2); // the transform wrote a:0 twice
    process("reader", "a", 2, 0, 2, 3);

    Report report = history.check("transform");

    assertThat(report.acknowledged()).isEqualTo(3);
    assertThat(report.examples(Violation.LOST)).containsExactly("a:1 expected, never processed");
    assertThat(report.count(Violation.DUPLICATED_IN_LOG)).isEqualTo(1);
  }

  @Test
  void anUnacknowledgedRecordFoundInTheLogIsCountedButNotAViolation() {
    Sequenced maybe = new Sequenced("a", 0);
    history.attempted(maybe);
    history.attempted(new Sequenced("a", 1)); // failed and never written
    process("v", "a", 0, 0, 0, 1);

    Report report = history.check("timeouts");

    assertThat(report.attempted()).isEqualTo(2);
    assertThat(report.acknowledged()).isZero();
    assertThat(report.unacknowledgedWritten()).isEqualTo(1);
    report.assertHolds(Guarantee.EXACTLY_ONCE);
  }

  @Test
  void aReportOnlyGuaranteeNeverFailsAndSaysReported() {
    write("a", 0, 0, 0);

    Report report = history.check("acks=1");

    report.assertHolds(Guarantee.REPORT_ONLY);
    assertThat(report.verdict(Guarantee.REPORT_ONLY)).isEqualTo("REPORTED");
    assertThat(report.summary(Guarantee.REPORT_ONLY)).contains("lost=1 ");
  }

  @Test
  void journalLinesFromAnotherProcessReplayIntoTheHistory() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Journal journal = new Journal(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    journal.processed("child-1", 2, 7, new Sequenced("k3", 11));
    journal.processed("child-1", 2, 8, null);
    journal.committed("child-1", 2, 9);
    write("k3", 11, 2, 7);

    for (String line : bytes.toString(StandardCharsets.UTF_8).split("\n")) {
      assertThat(history.replay(line)).isTrue();
    }
    assertThat(history.replay("[main] INFO some log line")).isFalse();

    Report report = history.check("journal");
    assertThat(history.commitCount()).isEqualTo(1);
    assertThat(report.read()).isEqualTo(2);
    report.assertHolds(Guarantee.EXACTLY_ONCE);
  }

  @Test
  void sequencedValuesCarryKeyAndNumberAndRefuseAnythingElse() {
    byte[] value = new Sequenced("k7", 1234).value(32);

    assertThat(value).hasSize(32);
    assertThat(new String(value, StandardCharsets.UTF_8)).startsWith("k7:1234:.");
    assertThat(Sequenced.parse(value)).isEqualTo(new Sequenced("k7", 1234));
    assertThat(Sequenced.parse(new Sequenced("k", 5).value(0))).isEqualTo(new Sequenced("k", 5));
    assertThat(Sequenced.parse(new byte[] {(byte) 0xC3, 0x28, ':'})).isNull();
    assertThat(Sequenced.parse("k7:12x:".getBytes(StandardCharsets.UTF_8))).isNull();
    assertThat(Sequenced.parse(null)).isNull();
    assertThatThrownBy(() -> new Sequenced("a:b", 1)).hasMessageContaining("key must be non-empty and contain no ':'");
    assertThatThrownBy(() -> new Sequenced("a", -1)).hasMessageContaining("seq must be zero or more, was -1");
  }
}
