package ee.ska.iste.generator;

import ee.ska.iste.core.contract.ContractSheet;
import ee.ska.iste.core.time.Quarter;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes one KOV's submission for one quarter from its simulated history: the episodes active in
 * the quarter, their clients' case files up to the quarter's end, the quarter's participation and
 * QoL rows. What is dated after the quarter's end is not known yet and is not written.
 */
final class QuarterRows {
  private final KovWorld world;
  private final Catalog catalog;
  private final SyntheticMix mix;
  private final long seed;
  private final Quarter quarter;
  private final LocalDate qs;
  private final LocalDate qe;

  QuarterRows(KovWorld world, Catalog catalog, SyntheticMix mix, long seed, Quarter quarter) {
    this.world = world;
    this.catalog = catalog;
    this.mix = mix;
    this.seed = seed;
    this.quarter = quarter;
    this.qs = quarter.firstDay();
    this.qe = quarter.lastDay();
  }

  /** The submission date: a few days to about six weeks after the quarter, some late. */
  LocalDate submittedOn() {
    Rng r = Rng.derive(seed, "cover", world.kov, quarter);
    return qe.plusDays(r.chance(0.9) ? r.between(3, 42) : r.between(45, 80));
  }

  /** Writes the cover and every data row; returns the episodes open on the quarter's last day. */
  int write(SubmissionSink sink) throws IOException {
    sink.row(
        ContractSheet.KAAS,
        ContractSheet.KAAS
            .row()
            .set("kov", world.kov)
            .set("kvartal", quarter.toString())
            .set("esitatud", submittedOn().toString())
            .set("vorm_versioon", "1")
            .set("koostaja", world.role)
            .values());
    int openAtEnd = 0;
    for (Person p : world.persons) {
      List<Person.Episode> episodes = new ArrayList<>();
      for (Person.Episode e : p.episodes) {
        if (!e.start().isAfter(qe) && (e.end() == null || !e.end().isBefore(qs))) {
          episodes.add(e);
        }
      }
      if (episodes.isEmpty()) {
        continue;
      }
      for (Person.Episode e : episodes) {
        boolean ended = e.end() != null && !e.end().isAfter(qe);
        if (!ended || e.end().equals(qe)) {
          openAtEnd++;
        }
        sink.row(
            ContractSheet.KLIENT,
            ContractSheet.KLIENT
                .row()
                .set("isikukood", p.code)
                .set("algus", e.start().toString())
                .set("sisenemise_tee", p.entryRoute)
                .set("pohidiagnoos", p.diagnosis)
                .set("raskusaste", p.severity)
                .set("koostoovalmis", e.cooperative() ? "JAH" : "EI")
                .set("bto", p.bto)
                .set("lopp", ended ? e.end().toString() : null)
                .set("valjumise_pohjus", ended ? e.exitReason() : null)
                .values());
      }
      writeAssessments(sink, p);
      writePlans(sink, p);
      writeParticipation(sink, p);
      writeQualityOfLife(sink, p);
    }
    return openAtEnd;
  }

  private void writeAssessments(SubmissionSink sink, Person p) throws IOException {
    for (Person.Assessment a : p.assessments) {
      if (a.date().isAfter(qe)) {
        break;
      }
      for (int i = 0; i < catalog.domains.size(); i++) {
        sink.row(
            ContractSheet.HINDAMINE,
            ContractSheet.HINDAMINE
                .row()
                .set("isikukood", p.code)
                .set("kuupaev", a.date().toString())
                .set("liik", a.initial() ? "ESMANE" : "KORDUV")
                .set("eluvaldkond", catalog.domains.get(i))
                .set("tase", Integer.toString(a.levels()[i]))
                .values());
      }
    }
  }

  private void writePlans(SubmissionSink sink, Person p) throws IOException {
    for (Person.PlanVersion v : p.plans) {
      if (v.made().isAfter(qe)) {
        break;
      }
      boolean reviewed = v.reviewed() != null && !v.reviewed().isAfter(qe);
      sink.row(
          ContractSheet.PLAAN,
          ContractSheet.PLAAN
              .row()
              .set("isikukood", p.code)
              .set("liik", v.activityPlan() ? "TEGEVUSPLAAN" : "TOETUSPLAAN")
              .set("koostatud", v.made().toString())
              .set("ylevaadatud", reviewed ? v.reviewed().toString() : null)
              .set("eesmarke", Integer.toString(v.goals()))
              .set("saavutatud", reviewed ? Integer.toString(v.reached()) : null)
              .values());
    }
  }

  private void writeParticipation(SubmissionSink sink, Person p) throws IOException {
    for (int m = 0; m < 3; m++) {
      YearMonth ym = YearMonth.from(qs.plusMonths(m));
      // YearMonth prints ISO digits whatever the default locale
      String month = ym.toString();
      LocalDate first = ym.atDay(1);
      LocalDate last = ym.atEndOfMonth();
      int days = KovWorld.daysActive(p, first, last);
      if (days == 0) {
        continue;
      }
      double share = days / (double) ym.lengthOfMonth();
      Rng r = Rng.derive(seed, "participation", world.kov, p.id, month);
      if (!r.chance(p.noBaseSupportProbability)) {
        String mode = r.chance(0.85) ? "OSALEJA" : r.chance(0.66) ? "PERE" : "GRUPP";
        participation(
            sink, p, month, catalog.baseComponent, mode, p.bto, hours(r, share, 3, 14), first);
      }
      int[] levels = p.levelsOn(last);
      // one in five clients has a focus domain with intensive support (some then pass a yearly cap)
      Rng focusDraw = Rng.derive(seed, "focus", world.kov, p.id);
      int focus = focusDraw.chance(0.2) ? focusDraw.between(0, catalog.domains.size() - 1) : -1;
      for (int i = 0; i < catalog.domains.size(); i++) {
        String component = catalog.componentOfDomain.get(catalog.domains.get(i));
        boolean intensive = i == focus && levels[i] >= 2;
        double chance = intensive ? 0.9 : levels[i] >= 2 ? 0.55 : levels[i] == 1 ? 0.06 : 0;
        if (component != null && r.chance(chance)) {
          String mode = mix.of("mode").draw(r);
          String hours = intensive ? hours(r, share, 6, 16) : hours(r, share, 1, 8);
          participation(sink, p, month, component, mode, p.lto, hours, first);
        }
      }
      for (String c : catalog.familyComponents) {
        if (r.chance(0.05)) {
          participation(
              sink, p, month, c, mix.of("mode").draw(r), p.lto, hours(r, share, 1, 4), first);
        }
      }
      for (String c : catalog.respiteComponents) {
        if (r.chance(0.02)) {
          participation(sink, p, month, c, "OSALEJA", p.lto, hours(r, share, 4, 24), first);
        }
      }
    }
  }

  /** One participation row; a mode without a price falls back to the first priced mode. */
  private void participation(
      SubmissionSink sink,
      Person p,
      String month,
      String component,
      String mode,
      String provider,
      String hours,
      LocalDate on)
      throws IOException {
    String m = mode;
    if (!catalog.priced(component, m, on)) {
      m =
          catalog.modes.stream()
              .filter(x -> catalog.priced(component, x, on))
              .findFirst()
              .orElse(null);
      if (m == null) {
        return;
      }
    }
    sink.row(
        ContractSheet.OSALEMINE,
        ContractSheet.OSALEMINE
            .row()
            .set("isikukood", p.code)
            .set("kuu", month)
            .set("komponent", component)
            .set("viis", m)
            .set("osutaja", provider)
            .set("tunnid", hours)
            .values());
  }

  /** Hours for a month, scaled by the share of the month the case was active, in half hours. */
  private static String hours(Rng r, double share, int from, int to) {
    double h = Math.max(0.5, Math.round(share * r.uniform(from, to) * 2) / 2.0);
    return BigDecimal.valueOf(h).stripTrailingZeros().toPlainString();
  }

  private void writeQualityOfLife(SubmissionSink sink, Person p) throws IOException {
    Rng r = Rng.derive(seed, "qol", world.kov, p.id, quarter);
    boolean startsInQuarter = !p.caseStart.isBefore(qs);
    if (r.chance(startsInQuarter ? 0.05 : p.qolMissProbability)) {
      return;
    }
    LocalDate end = p.caseEnd != null && p.caseEnd.isBefore(qe) ? p.caseEnd : qe;
    LocalDate date;
    if (startsInQuarter) {
      LocalDate early = p.caseStart.plusDays(14);
      date = r.date(p.caseStart, early.isBefore(end) ? early : end);
    } else {
      date = r.date(qs, end);
    }
    double months = (date.toEpochDay() - p.caseStart.toEpochDay()) / 30.44;
    double score = p.qolBase + p.qolSlope * Math.min(months, 30) + r.gaussian(0, 7);
    // The row stops after the instrument's last item (k1, k2, ... follow one another).
    ContractSheet sheet = ContractSheet.ELUKVALITEET;
    int k1 = sheet.index("k1");
    String[] row = new String[k1 + catalog.instrumentItems];
    row[sheet.index("isikukood")] = p.code;
    row[sheet.index("kuupaev")] = date.toString();
    row[sheet.index("instrument")] = catalog.instrument;
    for (int i = 0; i < catalog.instrumentItems; i++) {
      long item = Math.round(score / 10 + r.gaussian(0, 1.3));
      row[k1 + i] = Long.toString(Math.max(catalog.itemMin, Math.min(catalog.itemMax, item)));
    }
    if (r.chance(0.06)) {
      for (int k = 0; k < 3; k++) {
        row[k1 + r.between(0, catalog.instrumentItems - 1)] = null;
      }
    } else {
      for (int i = 0; i < catalog.instrumentItems; i++) {
        if (r.chance(0.04)) {
          row[k1 + i] = null;
        }
      }
    }
    sink.row(ContractSheet.ELUKVALITEET, row);
  }
}
