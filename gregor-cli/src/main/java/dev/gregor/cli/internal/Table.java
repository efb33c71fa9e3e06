package dev.gregor.cli.internal;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A table for people: a header row, columns padded to their widest cell, numbers aligned right. */
public final class Table {
  private static final String BOLD = "\u001b[1m";
  private static final String RESET = "\u001b[0m";

  private final List<String> headers;
  private final List<List<Object>> rows = new ArrayList<>();

  private Table(List<String> headers) {
    this.headers = headers;
  }

  public static Table of(String... headers) {
    return new Table(List.of(headers));
  }

  /** Adds a row; null prints as "-". */
  public Table row(Object... cells) {
    if (cells.length != headers.size()) {
      throw new IllegalArgumentException("a row needs " + headers.size() + " cells, got " + cells.length);
    }
    List<Object> row = new ArrayList<>(cells.length);
    Collections.addAll(row, cells);
    rows.add(row);
    return this;
  }

  /** Prints the table; {@code colours} makes the header bold. */
  public void print(PrintWriter out, boolean colours) {
    int[] widths = new int[headers.size()];
    boolean[] numeric = new boolean[headers.size()];
    for (int c = 0; c < headers.size(); c++) {
      widths[c] = headers.get(c).length();
      boolean anyNumber = false;
      boolean onlyNumbers = true; // "-" (null) may sit among numbers
      for (List<Object> row : rows) {
        widths[c] = Math.max(widths[c], text(row.get(c)).length());
        anyNumber |= row.get(c) instanceof Number;
        onlyNumbers &= row.get(c) == null || row.get(c) instanceof Number;
      }
      numeric[c] = anyNumber && onlyNumbers;
    }
    StringBuilder header = new StringBuilder();
    for (int c = 0; c < headers.size(); c++) {
      cell(header, headers.get(c), widths[c], numeric[c], c == headers.size() - 1);
    }
    out.println(colours ? BOLD + header + RESET : header.toString());
    for (List<Object> row : rows) {
      StringBuilder line = new StringBuilder();
      for (int c = 0; c < headers.size(); c++) {
        cell(line, text(row.get(c)), widths[c], numeric[c], c == headers.size() - 1);
      }
      out.println(line);
    }
    out.flush();
  }

  private static void cell(StringBuilder line, String text, int width, boolean right, boolean last) {
    String padding = " ".repeat(width - text.length());
    if (right) {
      line.append(padding).append(text);
    } else {
      line.append(text).append(last ? "" : padding);
    }
    if (!last) {
      line.append("  ");
    }
  }

  private static String text(Object cell) {
    return cell == null ? "-" : cell.toString();
  }
}
