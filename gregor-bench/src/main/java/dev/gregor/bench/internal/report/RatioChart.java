package dev.gregor.bench.internal.report;

import dev.gregor.bench.internal.run.Result;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

/** {@code ratios.png}: one bar per row that has a ratio; bars above 1.0 are where Gregor is better. */
public final class RatioChart {
  private RatioChart() {}

  public static void write(List<Result> results, RunInfo info, Path file) throws IOException {
    List<String> labels = new ArrayList<>();
    List<Double> ratios = new ArrayList<>();
    List<Double> parity = new ArrayList<>();
    for (Result r : results) {
      if (!Double.isNaN(r.ratio())) {
        labels.add(shorten(r.title() + " vs " + r.baselineName()));
        ratios.add(r.ratio());
        parity.add(1.0);
      }
    }
    if (labels.isEmpty()) {
      return;
    }
    CategoryChart chart = new CategoryChartBuilder().width(Math.max(900, 60 + labels.size() * 38)).height(1200)
        .title("Gregor / baseline (above 1.0: Gregor better) - " + info.profile() + " profile, Kafka " + info.kafka())
        .yAxisTitle("ratio").build();
    chart.getStyler().setLegendVisible(false);
    chart.getStyler().setXAxisLabelRotation(75);
    chart.getStyler().setOverlapped(true);
    chart.getStyler().setChartTitleFont(chart.getStyler().getChartTitleFont().deriveFont(14f));
    chart.getStyler().setAxisTickLabelsFont(chart.getStyler().getAxisTickLabelsFont().deriveFont(10f));
    chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
    chart.addSeries("ratio", labels, ratios);
    chart.addSeries("parity", labels, parity).setChartCategorySeriesRenderStyle(
        org.knowm.xchart.CategorySeries.CategorySeriesRenderStyle.Line);
    BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
  }

  private static String shorten(String label) {
    return label.length() <= 100 ? label : label.substring(0, 97) + "...";
  }
}
