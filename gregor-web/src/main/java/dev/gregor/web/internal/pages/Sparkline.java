package dev.gregor.web.internal.pages;

import java.util.List;
import java.util.Locale;

/** A small line chart as inline SVG, drawn on the server: no charting script, nothing for the CSP to allow. */
final class Sparkline {
  private static final int WIDTH = 360;
  private static final int HEIGHT = 60;

  private Sparkline() {}

  /** {@code values} oldest first; the label says what they are and the newest value. */
  static String of(String label, List<Double> values) {
    if (values.size() < 2) {
      return "<figure class=\"spark\"><figcaption>" + label + ": not enough samples yet</figcaption></figure>";
    }
    double max = values.stream().mapToDouble(Double::doubleValue).max().orElse(1);
    double top = max <= 0 ? 1 : max;
    StringBuilder points = new StringBuilder();
    for (int i = 0; i < values.size(); i++) {
      double x = (double) i * WIDTH / (values.size() - 1);
      double y = HEIGHT - 2 - values.get(i) / top * (HEIGHT - 4);
      points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
    }
    double last = values.get(values.size() - 1);
    return "<figure class=\"spark\"><svg viewBox=\"0 0 " + WIDTH + " " + HEIGHT + "\" width=\"" + WIDTH + "\" height=\""
        + HEIGHT + "\" role=\"img\" aria-label=\"" + label + "\"><polyline fill=\"none\" stroke=\"currentColor\" "
        + "stroke-width=\"2\" points=\"" + points.toString().trim() + "\"/></svg><figcaption>" + label + ": "
        + String.format(Locale.ROOT, "%.1f", last) + " now, " + String.format(Locale.ROOT, "%.1f", max)
        + " at most</figcaption></figure>";
  }
}
