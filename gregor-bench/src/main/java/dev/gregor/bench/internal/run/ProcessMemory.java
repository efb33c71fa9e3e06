package dev.gregor.bench.internal.run;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Heap and resident memory of this JVM and its child processes, from the JVM's beans and Linux's /proc. */
public final class ProcessMemory {
  private ProcessMemory() {}

  /** Resident set of this process and every descendant (child-JVM broker nodes), in MB; NaN where /proc is missing. */
  public static double treeRssMb() {
    ProcessHandle self = ProcessHandle.current();
    return Stream.concat(Stream.of(self), self.descendants()).mapToDouble(p -> statusKb(p.pid(), "VmRSS")).sum() / 1024;
  }

  /** The most this process was ever resident, in MB. */
  public static double peakRssMb() {
    return statusKb(ProcessHandle.current().pid(), "VmHWM") / 1024;
  }

  /** Heap in use after a full collection, in MB: what the process keeps alive. */
  public static double heapAfterGcMb() {
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024.0 * 1024);
  }

  /** The sum of every heap pool's peak use, in MB: the most the heap held at once, garbage included. */
  public static double heapPeakMb() {
    return ManagementFactory.getMemoryPoolMXBeans().stream().filter(pool -> pool.getType() == MemoryType.HEAP)
        .mapToLong(pool -> pool.getPeakUsage().getUsed()).sum() / (1024.0 * 1024);
  }

  /** Forgets the peaks so far, so that a measurement starts after setup. */
  public static void resetPeaks() {
    ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
  }

  private static double statusKb(long pid, String field) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith(field + ":")) {
          return Double.parseDouble(line.replaceAll("[^0-9]", ""));
        }
      }
      return Double.NaN;
    } catch (IOException | RuntimeException e) {
      return Double.NaN;
    }
  }
}
