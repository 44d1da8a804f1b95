package ee.ska.iste.warehouse;

import ee.ska.iste.core.ref.ReferenceData;
import ee.ska.iste.core.time.Quarter;
import ee.ska.iste.warehouse.PublishableStatus.Inputs;
import ee.ska.iste.warehouse.PublishableStatus.Thresholds;
import ee.ska.iste.warehouse.PublishableStatus.Verdict;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Builds the table {@code kov_status}: one row per KOV and quarter with its {@link
 * PublishableStatus} verdict and the inputs it rests on. The quarters are those of {@code
 * mart_outcomes}; the KOVs of a quarter are those with a figure in it, a submission for it, or an
 * allocation of places valid on any day of it (an allocated KOV that sent nothing is WITHHELD).
 * Reads {@code mart_outcomes}, {@code stg_submission} (when it exists; without it the submission
 * rules are not applied) and the reference data; writes nothing else.
 */
final class KovStatusTable {
  static final String NAME = "kov_status";

  private KovStatusTable() {}

  /** One row of the table. */
  record Row(
      Quarter quarter,
      String kovCode,
      String countyCode,
      Verdict verdict,
      Inputs inputs,
      LocalDate dueOn,
      Integer daysLate) {}

  /** Creates {@code kov_status} in {@code c}; {@code mart_outcomes} must exist. */
  static void build(Connection c, ReferenceData ref, boolean hasSubmissions) throws SQLException {
    write(c, rows(c, ref, hasSubmissions));
  }

  static List<Row> rows(Connection c, ReferenceData ref, boolean hasSubmissions)
      throws SQLException {
    // quarter -> kov -> [figures, visible]
    Map<Quarter, Map<String, long[]>> figures = new TreeMap<>();
    Map<String, Double> qol = new HashMap<>();
    // the evaluation's model figures carry their source's flag: counted, they would weigh the
    // QoL change seven times
    String ownFigures =
        DuckDbCatalogue.exists(c, "ref_measure")
            ? " AND measure NOT IN (SELECT measure FROM ref_measure WHERE kind = 'MODEL')"
            : "";
    // nor the figures never published at KOV level (hidden always, whatever the KOV sent)
    List<String> codes = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT DISTINCT measure FROM mart_outcomes")) {
      while (r.next()) {
        codes.add(r.getString(1));
      }
    }
    java.util.Set<String> notAtKov =
        ee.ska.iste.disclosure.DisclosureRules.countyAndAboveEver(ref, codes);
    if (!notAtKov.isEmpty()) {
      ownFigures +=
          " AND measure NOT IN ("
              + String.join(
                  ", ", notAtKov.stream().map(m -> "'" + m.replace("'", "''") + "'").toList())
              + ")";
    }
    try (Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT quarter, unit_code, count(*), count(*) FILTER (WHERE suppressed IS FALSE),"
                    + " max(value) FILTER (WHERE measure = 'QOL_COMPLETENESS' AND suppressed IS"
                    + " FALSE) FROM mart_outcomes WHERE level = 'KOV'"
                    + ownFigures
                    + " GROUP BY quarter, unit_code")) {
      while (r.next()) {
        Quarter q = Quarter.parse(r.getString(1));
        figures
            .computeIfAbsent(q, k -> new TreeMap<>())
            .put(r.getString(2), new long[] {r.getLong(3), r.getLong(4)});
        double v = r.getDouble(5);
        if (!r.wasNull()) {
          qol.put(q + "|" + r.getString(2), v);
        }
      }
    }
    try (Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT DISTINCT quarter FROM mart_outcomes")) {
      while (r.next()) {
        figures.computeIfAbsent(Quarter.parse(r.getString(1)), k -> new TreeMap<>());
      }
    }
    // quarter|kov -> loaded submission; quarter -> kovs with any submission
    Map<String, Object[]> loaded = new HashMap<>();
    Map<Quarter, TreeSet<String>> submitted = new HashMap<>();
    if (hasSubmissions) {
      try (Statement s = c.createStatement();
          ResultSet r =
              s.executeQuery(
                  "SELECT quarter, kov_code, status, CAST(submitted_on AS DATE),"
                      + " CAST(rows_read AS BIGINT), CAST(rows_rejected AS BIGINT)"
                      + " FROM stg_submission ORDER BY quarter, kov_code, submitted_on,"
                      + " submission_id")) {
        while (r.next()) {
          Quarter q = Quarter.parse(r.getString(1));
          String kov = r.getString(2);
          if (kov == null) {
            continue; // an entry refused unread whose name carries no KOV (a stray file)
          }
          submitted.computeIfAbsent(q, k -> new TreeSet<>()).add(kov);
          if ("LOADED".equals(r.getString(3))) {
            Date d = r.getDate(4);
            long read = r.getLong(5);
            Long rowsRead = r.wasNull() ? null : read;
            long rej = r.getLong(6);
            Long rowsRejected = r.wasNull() ? null : rej;
            // The latest loaded one wins (there is one per KOV and quarter).
            loaded.put(
                q + "|" + kov,
                new Object[] {d == null ? null : d.toLocalDate(), rowsRead, rowsRejected});
          }
        }
      }
    }
    List<Row> out = new ArrayList<>();
    for (Map.Entry<Quarter, Map<String, long[]>> e : figures.entrySet()) {
      Quarter q = e.getKey();
      Thresholds t = Thresholds.of(ref, q);
      TreeSet<String> kovs = new TreeSet<>(e.getValue().keySet());
      kovs.addAll(submitted.getOrDefault(q, new TreeSet<>()));
      for (ReferenceData.Allocation a : ref.allocations()) {
        if (!a.validFrom().isAfter(q.lastDay())
            && (a.validTo() == null || !a.validTo().isBefore(q.firstDay()))) {
          kovs.addAll(a.kovCodes());
        }
      }
      for (String kov : kovs) {
        long[] f = e.getValue().getOrDefault(kov, new long[] {0, 0});
        Object[] sub = loaded.get(q + "|" + kov);
        Inputs in =
            new Inputs(
                sub == null ? null : (LocalDate) sub[0],
                sub == null ? null : (Long) sub[1],
                sub == null ? null : (Long) sub[2],
                qol.get(q + "|" + kov),
                f[0],
                f[1],
                hasSubmissions);
        Optional<ReferenceData.Municipality> m = ref.municipality(kov, q.lastDay());
        out.add(
            new Row(
                q,
                kov,
                m.map(ReferenceData.Municipality::countyCode).orElse(null),
                PublishableStatus.decide(q, in, t),
                in,
                q.lastDay().plusDays(t.submissionDueDays()),
                in.daysLate(q, t)));
      }
    }
    return out;
  }

  private static void write(Connection c, List<Row> rows) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE "
              + NAME
              + " (quarter VARCHAR, kov_code VARCHAR, county_code VARCHAR, status VARCHAR,"
              + " reasons VARCHAR, submitted_on DATE, due_on DATE, days_late INTEGER,"
              + " rows_read BIGINT, rows_rejected BIGINT, reject_share DOUBLE,"
              + " qol_completeness DOUBLE, figures BIGINT, visible_figures BIGINT,"
              + " visible_share DOUBLE)");
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO " + NAME + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (Row r : rows) {
        Inputs in = r.inputs();
        ps.setString(1, r.quarter().toString());
        ps.setString(2, r.kovCode());
        ps.setString(3, r.countyCode());
        ps.setString(4, r.verdict().status().name());
        ps.setString(5, r.verdict().reasonCodes());
        ps.setObject(6, in.submittedOn() == null ? null : Date.valueOf(in.submittedOn()));
        ps.setObject(7, Date.valueOf(r.dueOn()));
        ps.setObject(8, r.daysLate());
        ps.setObject(9, in.rowsRead());
        ps.setObject(10, in.rowsRejected());
        ps.setObject(11, in.rejectShare());
        ps.setObject(12, in.qolCompleteness());
        ps.setLong(13, in.figures());
        ps.setLong(14, in.visibleFigures());
        ps.setObject(15, in.visibleShare());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }
}
