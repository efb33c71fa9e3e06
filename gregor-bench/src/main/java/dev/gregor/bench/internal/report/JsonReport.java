package dev.gregor.bench.internal.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gregor.bench.internal.run.Result;
import dev.gregor.bench.internal.run.Stats;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** {@code results.json}: the run's circumstances and every row with its runs, for tools and later comparison. */
public final class JsonReport {
  private JsonReport() {}

  public static void write(List<Result> results, RunInfo info, Path file) throws IOException {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode();
    root.set("run", mapper.valueToTree(info));
    ArrayNode rows = root.putArray("results");
    for (Result r : results) {
      ObjectNode row = rows.addObject();
      row.put("group", r.group());
      row.put("scenario", r.name());
      row.put("baseline", r.baselineName());
      row.put("metric", r.metric().name());
      row.put("unit", r.metric().unit().symbol());
      row.put("higherIsBetter", r.metric().unit().higherIsBetter());
      putNumber(row, "gregorMedian", r.gregorMedian());
      putNumber(row, "baselineMedian", r.baselineMedian());
      putNumber(row, "ratio", r.ratio());
      putNumber(row, "gregorSpread", Stats.spread(r.gregorRuns()));
      putNumber(row, "baselineSpread", Stats.spread(r.baselineRuns()));
      r.gregorRuns().forEach(row.putArray("gregorRuns")::add);
      r.baselineRuns().forEach(row.putArray("baselineRuns")::add);
      row.put("note", r.note());
    }
    mapper.writeValue(file.toFile(), root);
  }

  private static void putNumber(ObjectNode row, String name, double value) {
    if (Double.isNaN(value)) {
      row.putNull(name);
    } else {
      row.put(name, value);
    }
  }
}
