package ee.ska.iste.reports;

import ee.ska.iste.core.time.Quarter;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the data-quality report (issue 6, point 3): per KOV whether its submission came on time
 * (within 30 days of the quarter's end), rows read, accepted and rejected, QoL completeness and
 * cases outside the target group; rejected rows by reason; national totals; the disclosure audit's
 * line.
 *
 * <p>Every figure about people (QoL completeness, cases outside the target group and their reasons)
 * comes from {@code outcomes_public}: a cell is hidden exactly where that view hides it, and the
 * report adds no suppression of its own. Submission and reject counts are counts of rows the KOV
 * sent (data-entry quality), not of people, and print as they are.
 */
final class QualityReport {
  static final int DUE_DAYS = 30;
  static final String INELIGIBLE = "INELIGIBLE";

  private final ReportContext ctx;
  private final FigureFormat fmt;

  QualityReport(ReportContext ctx) {
    this.ctx = ctx;
    this.fmt = ctx.format();
  }

  ReportDocument build(Quarter quarter) throws SQLException {
    PublishedDatabase db = ctx.database();
    LocalDate due = quarter.lastDay().plusDays(DUE_DAYS);
    ReportDocument doc =
        new ReportDocument(
            fmt.text("quality.title", quarter.toString()),
            fmt.text("quality.subtitle", quarter.toString(), fmt.date(due), ctx.stampPhrase()),
            fmt.text("quality.title", quarter.toString()) + " · " + ctx.footer());

    Map<String, Municipality> kovs = new LinkedHashMap<>();
    db.municipalities().forEach(m -> kovs.put(m.kovCode(), m));
    Map<String, PublishedDatabase.Submission> submissions = db.submissions(quarter);
    submissions
        .keySet()
        .forEach(k -> kovs.putIfAbsent(k, new Municipality(k, k, null, null, null, null)));
    Map<String, Map<String, Figure>> byKov = db.figuresByUnit(PublishedDatabase.LEVEL_KOV, quarter);
    Map<String, Figure> nation =
        db.figures(PublishedDatabase.LEVEL_NATION, PublishedDatabase.NATION, quarter);

    doc.section(fmt.text("quality.sec.submissions"));
    if (!db.has("stg_submission")) {
      doc.text(fmt.text("quality.none"));
    }
    doc.gridHead(
        fmt.text("col.kov"),
        fmt.text("quality.col.submitted"),
        fmt.text("quality.col.ontime"),
        fmt.text("quality.col.read"),
        fmt.text("quality.col.accepted"),
        fmt.text("quality.col.rejected"),
        ctx.name("QOL_COMPLETENESS"),
        fmt.text("quality.col.ineligible"));
    long read = 0;
    long accepted = 0;
    long rejected = 0;
    int onTime = 0;
    for (Municipality m : kovs.values()) {
      PublishedDatabase.Submission s = submissions.get(m.kovCode());
      Map<String, Figure> kov = byKov.getOrDefault(m.kovCode(), Map.of());
      String kovIneligible = fmt.figure(kov.get(INELIGIBLE), Unit.COUNT);
      String completeness = fmt.figure(kov.get("QOL_COMPLETENESS"), Unit.SHARE);
      if (s == null) {
        doc.gridRow(
            m.displayName(),
            fmt.text("quality.missing"),
            "",
            "",
            "",
            "",
            completeness,
            kovIneligible);
        continue;
      }
      boolean inTime = s.submittedOn() != null && !s.submittedOn().isAfter(due);
      onTime += inTime ? 1 : 0;
      read += s.rowsRead();
      accepted += s.rowsAccepted();
      rejected += s.rowsRejected();
      doc.gridRow(
          m.displayName(),
          fmt.date(s.submittedOn()),
          fmt.text(inTime ? "yes" : "no"),
          fmt.number(s.rowsRead(), 0),
          fmt.number(s.rowsAccepted(), 0),
          fmt.number(s.rowsRejected(), 0),
          completeness,
          kovIneligible);
    }
    doc.gridHead(
        fmt.text("quality.total"),
        fmt.number(submissions.size(), 0) + " / " + fmt.number(kovs.size(), 0),
        fmt.number(onTime, 0),
        fmt.number(read, 0),
        fmt.number(accepted, 0),
        fmt.number(rejected, 0),
        fmt.figure(nation.get("QOL_COMPLETENESS"), Unit.SHARE),
        fmt.figure(nation.get(INELIGIBLE), Unit.COUNT));
    doc.note(fmt.text("suppressed.note"));
    auditLine(doc, db, quarter);

    // Submissions refused whole (unreadable, a wrong cover, a bad name, a link, a conflicting
    // resubmission): listed by file so that the KOV knows what to send again.
    doc.section(fmt.text("quality.sec.refused"));
    java.util.List<PublishedDatabase.Refused> refused = db.refusedSubmissions(quarter);
    if (refused.isEmpty()) {
      doc.text(fmt.text("quality.norefused"));
    } else {
      for (PublishedDatabase.Refused r : refused) {
        doc.text(
            r.file()
                + (r.kovCode() == null ? "" : " (" + fmt.text("col.kov") + " " + r.kovCode() + ")")
                + ": "
                + refusal(r.reason()));
      }
    }

    doc.section(fmt.text("quality.sec.rejects"));
    Map<String, Long> reasons = db.rejectsByReason(quarter, null);
    if (reasons.isEmpty()) {
      doc.text(fmt.text("quality.noreject"));
    } else {
      doc.head(fmt.text("quality.col.reason"), fmt.text("quality.col.rows"), "", "", "");
      reasons.forEach((r, n) -> doc.row(fmt.reason(r), fmt.number(n, 0), "", "", ""));
    }

    doc.section(fmt.text("quality.sec.eligibility"));
    Figure total = nation.get(INELIGIBLE);
    List<String> byReason =
        nation.keySet().stream().filter(k -> k.startsWith(INELIGIBLE + "_")).sorted().toList();
    if (total == null || total.shown() == null || total.shown() == 0) {
      doc.text(fmt.text("quality.noineligible"));
    } else {
      // national figures only: never hidden, and the KOV column above is outcomes_public's
      doc.head(fmt.text("quality.col.reason"), fmt.text("quality.col.cases"), "", "", "");
      for (String r : byReason) {
        doc.row(reasonName(r), fmt.figure(nation.get(r), Unit.COUNT), "", "", "");
      }
      doc.row(fmt.text("quality.total"), fmt.figure(total, Unit.COUNT), "", "", "");
      doc.note(fmt.text("quality.eligibility.note"));
    }
    publishableStatus(doc, kovs, db.kovStatuses(quarter));
    return doc;
  }

  /**
   * An eligibility reason's name from the catalogue without the measure family's prefix
   * ("sihtrühmavälised: dementsus" → "Dementsus").
   */
  private String reasonName(String measure) {
    String name = ctx.name(measure);
    int colon = name.indexOf(": ");
    String tail = colon < 0 ? name : name.substring(colon + 2);
    return tail.isEmpty() ? name : Character.toUpperCase(tail.charAt(0)) + tail.substring(1);
  }

  /** A refusal's description in the report's language (the code only when it is unknown). */
  private String refusal(String code) {
    try {
      ee.ska.iste.core.quality.RefusalReason r =
          ee.ska.iste.core.quality.RefusalReason.valueOf(code);
      return ctx.english() ? r.descriptionEn() : r.descriptionEt();
    } catch (IllegalArgumentException | NullPointerException e) {
      return String.valueOf(code);
    }
  }

  /** Each KOV's publishable status and its reasons (docs/measures.md, "Publishable status"). */
  private void publishableStatus(
      ReportDocument doc,
      Map<String, Municipality> kovs,
      Map<String, PublishedDatabase.KovStatus> statuses) {
    doc.section(fmt.text("quality.sec.status"));
    if (statuses.isEmpty()) {
      doc.text(fmt.text("quality.status.none"));
      return;
    }
    StatusText words = new StatusText(fmt);
    // The reasons beside the name: the first column is the wide one.
    doc.head(fmt.text("quality.col.reasons"), fmt.text("quality.col.status"), "", "", "");
    Map<String, Municipality> all = new LinkedHashMap<>(kovs);
    statuses
        .keySet()
        .forEach(k -> all.putIfAbsent(k, new Municipality(k, k, null, null, null, null)));
    for (Municipality m : all.values()) {
      PublishedDatabase.KovStatus s = statuses.get(m.kovCode());
      if (s == null) {
        continue;
      }
      String reasons = words.reasons(s.reasons());
      doc.row(
          reasons.isEmpty() ? m.displayName() : m.displayName() + ": " + reasons,
          words.label(s.status()),
          "",
          "",
          "");
    }
    doc.note(fmt.text("quality.status.note"));
  }

  /**
   * "N figures hidden, of which M to protect others; audit passed" from {@code
   * mart_disclosure_audit}; no line when the warehouse has no audit table.
   */
  private void auditLine(ReportDocument doc, PublishedDatabase db, Quarter quarter)
      throws SQLException {
    Optional<PublishedDatabase.DisclosureAudit> audit = db.disclosureAudit(quarter);
    if (audit.isEmpty()) {
      return;
    }
    PublishedDatabase.DisclosureAudit a = audit.get();
    String hidden = fmt.number(a.hidden(), 0);
    String secondary = fmt.number(a.secondary(), 0);
    doc.text(
        a.failed() == 0
            ? fmt.text("quality.audit.passed", hidden, secondary)
            : fmt.text("quality.audit.failed", hidden, secondary, fmt.number(a.failed(), 0)));
  }
}
