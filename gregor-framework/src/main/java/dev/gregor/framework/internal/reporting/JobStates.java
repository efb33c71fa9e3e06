package dev.gregor.framework.internal.reporting;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The jobs this process's workers run now and finished lately, with each one's state, for its report; and the ids
 * of jobs the dashboard deleted, which workers acknowledge without performing.
 */
public final class JobStates {
  /** Finished jobs a report lists: the dashboard keeps a longer history by reading many reports. */
  static final int FINISHED_KEPT = 20;
  /** Deleted ids remembered; a command older than the commands topic's retention is gone anyway. */
  static final int DELETED_KEPT = 10_000;

  /** What became of a job's attempt. */
  public enum State {
    /** Its first attempt is running. */
    RUNNING,
    /** A later attempt is running. */
    RETRYING,
    /** Performed. */
    DONE,
    /** An attempt failed; the job is delivered again. */
    FAILED,
    /** Its last attempt failed: given up, {@code afterFailure} ran. */
    REJECTED,
    /** Deleted from the dashboard: acknowledged without performing. */
    DELETED
  }

  /** One job as a report shows it. */
  public record Job(String id, String route, String queue, int partition, long offset, int attempt, State state,
      Instant at, @Nullable String error) {}

  private final Map<Thread, Job> running = new LinkedHashMap<>();
  private final ArrayDeque<Job> finished = new ArrayDeque<>();
  private final Map<String, Boolean> deleted = new LinkedHashMap<>(16, 0.75f, false) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
      return size() > DELETED_KEPT;
    }
  };

  /** A worker thread began an attempt. */
  public synchronized void started(String id, String route, String queue, int partition, long offset, int attempt) {
    running.put(Thread.currentThread(), new Job(id, route, queue, partition, offset, attempt,
        attempt > 1 ? State.RETRYING : State.RUNNING, now(), null));
  }

  /** The attempt this worker thread began ended as {@code state}; {@code error} when it failed. */
  public synchronized void ended(State state, @Nullable Throwable error) {
    Job job = running.remove(Thread.currentThread());
    if (job != null) {
      finish(new Job(job.id(), job.route(), job.queue(), job.partition(), job.offset(), job.attempt(), state, now(),
          error == null ? null : firstLine(error)));
    }
  }

  /** A deleted job was acknowledged without performing. */
  public synchronized void skipped(String id, String route, String queue, int partition, long offset, int attempt) {
    finish(new Job(id, route, queue, partition, offset, attempt, State.DELETED, now(), null));
  }

  /** The dashboard deleted job {@code id}: workers that meet it from now on skip it. */
  public synchronized void delete(String id) {
    deleted.put(id, Boolean.TRUE);
  }

  public synchronized boolean isDeleted(String id) {
    return deleted.containsKey(id);
  }

  /** How many deleted ids this process knows (the newest {@link #DELETED_KEPT}). */
  public synchronized int deletions() {
    return deleted.size();
  }

  /** Running jobs, then finished ones, newest first. */
  public synchronized List<Job> list() {
    List<Job> jobs = new ArrayList<>(running.values());
    for (Iterator<Job> newest = finished.descendingIterator(); newest.hasNext(); ) {
      jobs.add(newest.next());
    }
    return jobs;
  }

  private void finish(Job job) {
    finished.addLast(job);
    if (finished.size() > FINISHED_KEPT) {
      finished.removeFirst();
    }
  }

  private static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MILLIS);
  }

  private static String firstLine(Throwable error) {
    String line = error.toString().lines().findFirst().orElse("");
    return line.length() > 300 ? line.substring(0, 300) + "…" : line;
  }
}
