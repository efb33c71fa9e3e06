package dev.gregor.client;

import java.util.List;
import java.util.Map;

/**
 * A consumer group as {@link Groups#describe} finds it: state, type, assignor, coordinator broker,
 * members with their assignments, and per partition the committed offset, end offset and lag.
 */
public record GroupDescription(String groupId, String state, String type, String assignor, int coordinator,
    List<Member> members, List<PartitionOffset> offsets) {

  /** One member: ids, host, and the partitions assigned to it by topic. */
  public record Member(String memberId, String groupInstanceId, String clientId, String host,
      Map<String, List<Integer>> assignment) {}

  /**
   * One partition the group reads or committed: the committed offset (-1 if none), the end
   * offset, and the lag between them (-1 when nothing was committed).
   */
  public record PartitionOffset(String topic, int partition, long committedOffset, long endOffset, long lag) {}

  /** Whether the group has no members, so its offsets may be reset and it may be deleted. */
  public boolean isEmpty() {
    return members.isEmpty();
  }

  /** The sum of the known lags. */
  public long totalLag() {
    return offsets.stream().mapToLong(PartitionOffset::lag).filter(lag -> lag > 0).sum();
  }
}
