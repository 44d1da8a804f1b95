package ee.ska.iste.cli.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** The benchmark's figures as an aligned text table, CSV and Markdown. */
final class FigureTable {
  private static final double MIB = 1024.0 * 1024.0;

  private record Column(String header, boolean right, Function<StageFigure, String> value) {}

  private static final List<Column> COLUMNS =
      List.of(
          new Column("run", false, StageFigure::run),
          new Column("clients", true, f -> Long.toString(f.clients())),
          new Column("stage", false, StageFigure::stage),
          new Column("wall s", true, f -> fmt("%.2f", f.seconds())),
          new Column("cpu s", true, f -> f.cpuSeconds() < 0 ? "" : fmt("%.1f", f.cpuSeconds())),
          new Column("rows in", true, f -> f.rows() > 0 ? Long.toString(f.rows()) : ""),
          new Column(
              "rows/s", true, f -> f.rowsPerSecond() > 0 ? fmt("%.0f", f.rowsPerSecond()) : ""),
          new Column("heap peak MiB", true, f -> mib(f.heapPeakBytes())),
          new Column(
              "input MiB", true, f -> f.inputBytes() > 0 ? fmt("%.1f", f.inputBytes() / MIB) : ""),
          new Column(
              "output MiB",
              true,
              f -> f.outputBytes() > 0 ? fmt("%.1f", f.outputBytes() / MIB) : ""),
          new Column("note", false, StageFigure::note));

  private FigureTable() {}

  static String text(List<StageFigure> figures) {
    List<String[]> cells = cells(figures);
    int[] width = new int[COLUMNS.size()];
    for (String[] row : cells) {
      for (int i = 0; i < row.length; i++) {
        width[i] = Math.max(width[i], row[i].length());
      }
    }
    StringBuilder sb = new StringBuilder();
    for (int r = 0; r < cells.size(); r++) {
      String[] row = cells.get(r);
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.length; i++) {
        String pad = " ".repeat(width[i] - row[i].length());
        line.append(i == 0 ? "" : "  ")
            .append(COLUMNS.get(i).right() ? pad + row[i] : row[i] + pad);
      }
      sb.append(line.toString().stripTrailing()).append('\n');
      if (r == 0) {
        int total = 0;
        for (int w : width) {
          total += w + 2;
        }
        sb.append("-".repeat(total - 2)).append('\n');
      }
    }
    return sb.toString();
  }

  static String csv(List<StageFigure> figures) {
    StringBuilder sb = new StringBuilder();
    sb.append(
        "run,clients,stage,wall_s,cpu_s,rows_in,rows_per_s,"
            + "heap_peak_mib,input_mib,output_mib,note\n");
    for (StageFigure f : figures) {
      sb.append(
              String.join(
                  ",",
                  csvCell(f.run()),
                  Long.toString(f.clients()),
                  csvCell(f.stage()),
                  fmt("%.3f", f.seconds()),
                  f.cpuSeconds() < 0 ? "" : fmt("%.3f", f.cpuSeconds()),
                  Long.toString(f.rows()),
                  fmt("%.1f", f.rowsPerSecond()),
                  f.heapPeakBytes() < 0 ? "" : fmt("%.1f", f.heapPeakBytes() / MIB),
                  fmt("%.3f", f.inputBytes() / MIB),
                  fmt("%.3f", f.outputBytes() / MIB),
                  csvCell(f.note())))
          .append('\n');
    }
    return sb.toString();
  }

  static String markdown(List<StageFigure> figures) {
    List<String[]> cells = cells(figures);
    StringBuilder sb = new StringBuilder();
    for (int r = 0; r < cells.size(); r++) {
      sb.append("| ").append(String.join(" | ", escape(cells.get(r)))).append(" |\n");
      if (r == 0) {
        sb.append('|');
        for (Column c : COLUMNS) {
          sb.append(c.right() ? "---:|" : "---|");
        }
        sb.append('\n');
      }
    }
    return sb.toString();
  }

  private static List<String[]> cells(List<StageFigure> figures) {
    List<String[]> out = new ArrayList<>();
    out.add(COLUMNS.stream().map(Column::header).toArray(String[]::new));
    for (StageFigure f : figures) {
      out.add(COLUMNS.stream().map(c -> c.value().apply(f)).toArray(String[]::new));
    }
    return out;
  }

  private static String[] escape(String[] row) {
    String[] out = new String[row.length];
    for (int i = 0; i < row.length; i++) {
      out[i] = row[i].replace("|", "\\|");
    }
    return out;
  }

  private static String csvCell(String s) {
    if (s.contains(",") || s.contains("\"") || s.contains("\n")) {
      return '"' + s.replace("\"", "\"\"") + '"';
    }
    return s;
  }

  private static String mib(long bytes) {
    return bytes < 0 ? "" : fmt("%.0f", bytes / MIB);
  }

  static String fmt(String pattern, Object... args) {
    return String.format(Locale.ROOT, pattern, args);
  }
}
