package ee.ska.iste.reports;

import static ee.ska.iste.reports.FixtureDb.municipalities;
import static ee.ska.iste.reports.FixtureRows.JOHVI;
import static ee.ska.iste.reports.FixtureRows.KOHTLA_JARVE;
import static ee.ska.iste.reports.FixtureRows.POLTSAMAA;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.stream.Stream;

/** One fixture database opened in Estonian and in English under one stamp. */
record Renderers(ReportRenderer estonian, ReportRenderer english) implements AutoCloseable {
  static Renderers open(Path db, WarehouseStamp stamp) {
    return new Renderers(
        ReportRenderer.open(db, Locale.forLanguageTag("et"), stamp),
        ReportRenderer.open(db, Locale.ENGLISH, stamp));
  }

  /**
   * A database with the optional tables and the inserts in {@code DIR/VERSION/iste.duckdb}, the
   * stamp's version, opened under the stamp.
   */
  static Renderers create(Path dir, WarehouseStamp stamp, String... inserts)
      throws IOException, SQLException {
    Path db = versionDb(dir, stamp.version());
    FixtureDb.create(db, true, inserts);
    return open(db, stamp);
  }

  /**
   * Version v1 of 05.08.2024 with Põltsamaa vald, Jõhvi vald and Kohtla-Järve linn in
   * dim_municipality, and the inserts.
   */
  static Renderers threeKovs(Path dir, String... inserts) throws IOException, SQLException {
    return create(
        dir,
        new WarehouseStamp("v1", LocalDate.of(2024, 8, 5)),
        Stream.concat(Stream.of(municipalities(POLTSAMAA, JOHVI, KOHTLA_JARVE)), Stream.of(inserts))
            .toArray(String[]::new));
  }

  /** {@code DIR/VERSION/iste.duckdb}, its folder made: a database in a published version. */
  static Path versionDb(Path dir, String version) throws IOException {
    return Files.createDirectories(dir.resolve(version)).resolve("iste.duckdb");
  }

  @Override
  public void close() {
    estonian.close();
    english.close();
  }
}
