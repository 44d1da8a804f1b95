package ee.ska.iste.cli.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** Sizes on disk and Parquet row counts of the folders a stage read or wrote. */
final class DiskUse {
  private DiskUse() {}

  /** Bytes of the regular files under {@code dir} (0 when it is missing). */
  static long bytes(Path dir) {
    return bytes(dir, p -> true);
  }

  /** Bytes of the regular files under {@code dir} whose path passes {@code filter}. */
  static long bytes(Path dir, Predicate<Path> filter) {
    if (!Files.exists(dir)) {
      return 0;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
          .filter(filter)
          .mapToLong(DiskUse::size)
          .sum();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot measure " + dir, e);
    }
  }

  /** Bytes of the given tables' folders under a layout root ({@code <root>/<layer>/<table>}). */
  static long tableBytes(Path root, List<String> tables) {
    return tables.stream().mapToLong(t -> bytes(tableDir(root, t))).sum();
  }

  /** Rows in the given tables' Parquet files, read from the files' footers. */
  static long tableRows(Path root, List<String> tables) {
    long rows = 0;
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = c.createStatement()) {
      for (String t : tables) {
        Path dir = tableDir(root, t);
        if (!Files.isDirectory(dir) || bytes(dir, p -> p.toString().endsWith(".parquet")) == 0) {
          continue;
        }
        String glob = dir.toAbsolutePath().toString().replace("'", "''") + "/**/*.parquet";
        try (ResultSet rs =
            st.executeQuery(
                "SELECT coalesce(sum(num_rows), 0) FROM parquet_file_metadata('" + glob + "')")) {
          rs.next();
          rows += rs.getLong(1);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot count rows under " + root + ": " + e.getMessage(), e);
    }
    return rows;
  }

  static Path tableDir(Path root, String table) {
    return root.resolve(table.substring(0, table.indexOf('_'))).resolve(table);
  }

  private static long size(Path p) {
    try {
      return Files.size(p);
    } catch (IOException e) {
      return 0;
    }
  }
}
