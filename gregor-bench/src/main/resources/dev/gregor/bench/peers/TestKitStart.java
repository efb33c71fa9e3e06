// Kafka's own KafkaClusterTestKit, started the way Kafka's tests start it, for gregor-bench's
// cold-start comparison. Run with Java's source launcher on the test kit's own class path:
//   java -cp 'kafka-testkit-4.3.1/*' TestKitStart.java NODES
// Prints the time from main() to ready brokers and the process's resident memory.
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

public class TestKitStart {
  public static void main(String[] args) throws Exception {
    int nodes = Integer.parseInt(args[0]);
    long start = System.nanoTime();
    try (KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
        .setCombined(true).setNumBrokerNodes(nodes).setNumControllerNodes(nodes).build()).build()) {
      cluster.format();
      cluster.startup();
      cluster.waitForReadyBrokers();
      double startMs = (System.nanoTime() - start) / 1e6;
      double rssMb = Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmRSS:"))
          .mapToDouble(l -> Double.parseDouble(l.replaceAll("[^0-9]", "")) / 1024).findFirst().orElse(Double.NaN);
      System.out.println("RESULT startMs=" + startMs + " rssMb=" + rssMb);
    }
    System.exit(0);
  }
}
