package ee.ska.iste.warehouse;

import ee.ska.iste.core.ref.ReferenceData;
import ee.ska.iste.core.time.Quarter;
import ee.ska.iste.disclosure.Auditor;
import ee.ska.iste.disclosure.DisclosureRules;
import ee.ska.iste.disclosure.Figure;
import ee.ska.iste.disclosure.Kind;
import ee.ska.iste.disclosure.Memo;
import ee.ska.iste.disclosure.OutsiderModel;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

/**
 * The publish gate's audit: plays the outsider against a built database. For every quarter it takes
 * the figures of {@code outcomes} with their {@code suppressed} flags, builds the outsider's model
 * (what {@code outcomes_public} shows, the identities and bounds of the rules) and judges every
 * hidden quantity that must be protected with the {@link Auditor}. The measures stage ran the same
 * audit while choosing what to hide; this one checks the database as published, so a flag lost or
 * changed on the way is caught.
 *
 * <p>Figures of kind {@link Kind#MODEL} (statistical models over other figures) are no quantities
 * of the outsider's model: they carry the flag of the figure they derive from, the non-MODEL
 * measure whose code is the longest prefix of theirs ({@code QOL_CHANGE_ADJ_EB} → {@code
 * QOL_CHANGE}). A MODEL row shown where that figure of its unit is hidden (or missing) is a failure
 * (quantity {@code value}).
 */
public final class PublicAudit {
  /** One hidden quantity the outsider can pin down too closely. */
  public record Failure(
      String quarter,
      String measure,
      String level,
      String unit,
      String quantity,
      double low,
      double high) {
    /** The cell in words, without its value. */
    public String cell() {
      return quarter + " " + measure + " " + level + " " + unit + " (" + quantity + ")";
    }
  }

  /** What the audit found: hidden figures, those hidden to protect others, and the failures. */
  public record Result(long hidden, long secondary, List<Failure> failures, int auditedBefore) {
    public Result(long hidden, long secondary, List<Failure> failures) {
      this(hidden, secondary, failures, 0);
    }

    public boolean passed() {
      return failures.isEmpty();
    }

    /** "N figures hidden, of which M to protect others; audit passed" (or failed for K). */
    public String summary() {
      return hidden
          + " figures hidden, of which "
          + secondary
          + " to protect others; audit "
          + (passed() ? "passed" : "FAILED for " + failures.size() + " hidden quantities")
          + (auditedBefore == 0
              ? ""
              : " (" + auditedBefore + " quarters as audited before: the same figures and flags)");
    }
  }

  private PublicAudit() {}

  /** Audits the database file (opened read-only). */
  public static Result run(Path database, ReferenceData ref) {
    return run(database, ref, Memo.none());
  }

  /**
   * Audits the database file (opened read-only); a quarter whose model and hidden figures are
   * exactly those of an audit that passed before ({@code memo}) is not audited again.
   */
  public static Result run(Path database, ReferenceData ref, Memo memo) {
    Properties p = new Properties();
    p.setProperty("duckdb.read_only", "true");
    try (Connection c =
        DriverManager.getConnection("jdbc:duckdb:" + database.toAbsolutePath(), p)) {
      return run(c, ref, memo);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot audit " + database + ": " + e.getMessage(), e);
    }
  }

  /** Audits the database on {@code c}; an empty result when it has no outcomes. */
  public static Result run(Connection c, ReferenceData ref) throws SQLException {
    return run(c, ref, Memo.none());
  }

  /** {@link #run(Connection, ReferenceData)} through the memo of passed audits. */
  public static Result run(Connection c, ReferenceData ref, Memo memo) throws SQLException {
    Set<String> tables = new HashSet<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT table_name FROM information_schema.tables")) {
      while (rs.next()) {
        tables.add(rs.getString(1));
      }
    }
    if (!tables.contains("outcomes")) {
      return new Result(0, 0, List.of());
    }
    // the catalogue the version was built with; the reference data's when it has none
    Map<String, Kind> kinds = new LinkedHashMap<>();
    if (tables.contains("ref_measure")) {
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT measure, kind FROM ref_measure ORDER BY measure")) {
        while (rs.next()) {
          kinds.put(rs.getString(1), Kind.valueOf(rs.getString(2)));
        }
      }
    } else {
      ref.table("measures")
          .rows()
          .forEach(r -> kinds.put(r.get("measure"), Kind.valueOf(r.get("kind"))));
    }
    Set<String> primaryKeys = new HashSet<>();
    Set<String> secondaryKeys = new HashSet<>();
    if (tables.contains("mart_disclosure_audit")) {
      try (Statement s = c.createStatement();
          ResultSet rs =
              s.executeQuery(
                  "SELECT DISTINCT quarter, level, unit_code, measure, hidden_because FROM"
                      + " mart_disclosure_audit")) {
        while (rs.next()) {
          String key =
              rs.getString(1)
                  + "/"
                  + rs.getString(2)
                  + "/"
                  + rs.getString(3)
                  + "/"
                  + rs.getString(4);
          ("SECONDARY".equals(rs.getString(5)) ? secondaryKeys : primaryKeys).add(key);
        }
      }
    }
    Map<String, List<Figure>> figures = new TreeMap<>();
    Map<String, List<Boolean>> hidden = new TreeMap<>();
    // quarter/level/unit/measure -> suppressed, and the shown MODEL rows
    Map<String, Boolean> flags = new LinkedHashMap<>();
    List<String[]> shownModel = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT level, unit_code, quarter, measure, numerator, denominator, suppressed FROM"
                    + " outcomes ORDER BY quarter, level, unit_code, measure")) {
      while (rs.next()) {
        String measure = rs.getString(4);
        Kind kind = kinds.get(measure);
        if (kind == null) {
          throw new IllegalStateException("measure " + measure + " is not in ref_measure");
        }
        String q = rs.getString(3);
        boolean suppressed = !Boolean.FALSE.equals(rs.getObject(7));
        String[] cell = {q, rs.getString(1), rs.getString(2), measure};
        flags.put(String.join("/", cell), suppressed);
        if (kind == Kind.MODEL) {
          if (!suppressed) {
            shownModel.add(cell);
          }
          continue;
        }
        double num = rs.getDouble(5);
        double den = rs.getObject(6) == null ? Double.NaN : rs.getDouble(6);
        long n = kind == Kind.COUNT ? Math.round(num) : 0;
        figures
            .computeIfAbsent(q, k -> new ArrayList<>())
            .add(new Figure(rs.getString(1), rs.getString(2), measure, kind, n, num, den));
        hidden.computeIfAbsent(q, k -> new ArrayList<>()).add(suppressed);
      }
    }
    // the quarters are independent: judged on every core, gathered in quarter order
    List<Result> perQuarter =
        figures.entrySet().parallelStream()
            .map(
                e ->
                    quarter(
                        e.getKey(),
                        e.getValue(),
                        hidden.get(e.getKey()),
                        kinds,
                        primaryKeys,
                        secondaryKeys,
                        ref,
                        memo))
            .toList();
    long nHidden = 0;
    long nSecondary = 0;
    int before = 0;
    List<Failure> failures = new ArrayList<>();
    for (Result r : perQuarter) {
      before += r.auditedBefore();
      nHidden += r.hidden();
      nSecondary += r.secondary();
      failures.addAll(r.failures());
    }
    failures.addAll(modelFailures(shownModel, flags, kinds));
    return new Result(nHidden, nSecondary, failures, before);
  }

  /** The shown MODEL rows whose source figure of the same unit is hidden or missing. */
  static List<Failure> modelFailures(
      List<String[]> shownModel, Map<String, Boolean> flags, Map<String, Kind> kinds) {
    List<Failure> failures = new ArrayList<>();
    for (String[] cell : shownModel) {
      String source = source(cell[3], kinds);
      Boolean hidden =
          source == null ? null : flags.get(cell[0] + "/" + cell[1] + "/" + cell[2] + "/" + source);
      if (hidden == null || hidden) {
        failures.add(
            new Failure(cell[0], cell[3], cell[1], cell[2], "value", Double.NaN, Double.NaN));
      }
    }
    return failures;
  }

  /** The non-MODEL measure whose code is the longest prefix of {@code measure} (then a _). */
  static String source(String measure, Map<String, Kind> kinds) {
    String best = null;
    for (Map.Entry<String, Kind> e : kinds.entrySet()) {
      String code = e.getKey();
      if (e.getValue() != Kind.MODEL
          && measure.startsWith(code + "_")
          && (best == null || code.length() > best.length())) {
        best = code;
      }
    }
    return best;
  }

  /** One quarter's audit. */
  private static Result quarter(
      String quarter,
      List<Figure> figures,
      List<Boolean> h,
      Map<String, Kind> kinds,
      Set<String> primaryKeys,
      Set<String> secondaryKeys,
      ReferenceData ref,
      Memo memo) {
    LocalDate last = Quarter.parse(quarter).lastDay();
    Map<String, String> kovCounty = new TreeMap<>();
    ref.municipalities(last).forEach(m -> kovCounty.put(m.code(), m.countyCode()));
    Map<String, List<String>> peers = new TreeMap<>();
    ref.allocations(last).forEach(a -> a.kovCodes().forEach(k -> peers.put(k, a.kovCodes())));
    DisclosureRules rules = DisclosureRules.of(ref, last, kinds);
    // a figure of a level its measure is not published at is no part of the outsider's model;
    // shown, it is a failure of its own
    List<Figure> modelled = new ArrayList<>();
    List<Boolean> hm = new ArrayList<>();
    List<Failure> failures = new ArrayList<>();
    long nHidden = 0;
    for (int i = 0; i < figures.size(); i++) {
      Figure f = figures.get(i);
      if (rules.shownAt(f.measure(), f.level())) {
        modelled.add(f);
        hm.add(h.get(i));
      } else if (h.get(i)) {
        nHidden++;
      } else {
        failures.add(
            new Failure(
                quarter, f.measure(), f.level(), f.unit(), "level", Double.NaN, Double.NaN));
      }
    }
    OutsiderModel model = OutsiderModel.of(modelled, rules, kovCounty, peers);
    long nSecondary = 0;
    boolean[] mask = new boolean[hm.size()];
    boolean[] primary = new boolean[hm.size()];
    for (int i = 0; i < mask.length; i++) {
      mask[i] = hm.get(i);
      Figure f = model.figure(i);
      String key = quarter + "/" + f.level() + "/" + f.unit() + "/" + f.measure();
      // without the stage's record, every hidden figure is judged as if the rules hid it
      primary[i] = mask[i] && (primaryKeys.contains(key) || !secondaryKeys.contains(key));
      nHidden += mask[i] ? 1 : 0;
      nSecondary += mask[i] && secondaryKeys.contains(key) ? 1 : 0;
    }
    if (memo.hasPassed(quarter, model, mask, primary)) {
      return new Result(nHidden, nSecondary, failures, 1);
    }
    int before = failures.size();
    for (Auditor.Check ch : new Auditor(model).audit(mask, primary, false)) {
      if (!ch.pass()) {
        Figure f = model.figure(ch.figure());
        failures.add(
            new Failure(
                quarter,
                f.measure(),
                f.level(),
                f.unit(),
                ch.field() == ee.ska.iste.disclosure.Field.NUM ? "numerator" : "denominator",
                ch.low(),
                ch.high()));
      }
    }
    if (failures.size() == before) {
      memo.passed(quarter, model, mask, primary);
    }
    return new Result(nHidden, nSecondary, failures);
  }
}
