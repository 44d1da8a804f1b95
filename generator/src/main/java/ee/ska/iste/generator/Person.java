package ee.ska.iste.generator;

import ee.ska.iste.core.person.PersonalCode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** One simulated client of one KOV: the case with its episodes and case file. */
final class Person {
  record Episode(LocalDate start, LocalDate end, String exitReason, boolean cooperative) {}

  record Assessment(LocalDate date, boolean initial, int[] levels) {}

  record PlanVersion(
      boolean activityPlan, LocalDate made, LocalDate reviewed, int goals, int reached) {}

  final int id;
  final String code;
  final LocalDate birth;
  final PersonalCode.Sex sex;
  final String diagnosis;
  final String severity;
  final String entryRoute;
  final String bto;
  final String lto;
  final LocalDate caseStart;
  final double qolBase;
  final double qolSlope;
  final double qolMissProbability;
  final double noBaseSupportProbability;
  final List<Episode> episodes = new ArrayList<>();
  final List<Assessment> assessments = new ArrayList<>();
  final List<PlanVersion> plans = new ArrayList<>();
  int[] initialLevels;
  LocalDate caseEnd;

  Person(
      int id,
      String code,
      LocalDate birth,
      PersonalCode.Sex sex,
      String diagnosis,
      String severity,
      String entryRoute,
      String bto,
      String lto,
      LocalDate caseStart,
      double qolBase,
      double qolSlope,
      double qolMissProbability,
      double noBaseSupportProbability) {
    this.id = id;
    this.code = code;
    this.birth = birth;
    this.sex = sex;
    this.diagnosis = diagnosis;
    this.severity = severity;
    this.entryRoute = entryRoute;
    this.bto = bto;
    this.lto = lto;
    this.caseStart = caseStart;
    this.qolBase = qolBase;
    this.qolSlope = qolSlope;
    this.qolMissProbability = qolMissProbability;
    this.noBaseSupportProbability = noBaseSupportProbability;
  }

  Episode lastEpisode() {
    return episodes.get(episodes.size() - 1);
  }

  /** True when an activity plan was made on or before the date. */
  boolean hasActivityPlanBy(LocalDate date) {
    return plans.stream().anyMatch(p -> p.activityPlan() && !p.made().isAfter(date));
  }

  /** Ends the case: closes the open episode and drops the case file after the end. */
  void endCase(LocalDate end, String reason) {
    caseEnd = end;
    Episode open = lastEpisode();
    episodes.set(episodes.size() - 1, new Episode(open.start(), end, reason, open.cooperative()));
    assessments.removeIf(a -> a.date().isAfter(end));
    for (int i = plans.size() - 1; i >= 0; i--) {
      PlanVersion p = plans.get(i);
      if (p.made().isAfter(end)) {
        plans.remove(i);
      } else if (p.reviewed() != null && p.reviewed().isAfter(end)) {
        plans.set(i, new PlanVersion(p.activityPlan(), p.made(), null, p.goals(), 0));
      }
    }
  }

  /** The administrative exit at the year's end, followed by a new episode the next day. */
  void turnYear(LocalDate yearEnd, String administrativeReason) {
    Episode open = lastEpisode();
    episodes.set(
        episodes.size() - 1,
        new Episode(open.start(), yearEnd, administrativeReason, open.cooperative()));
    episodes.add(new Episode(yearEnd.plusDays(1), null, null, hasActivityPlanBy(yearEnd)));
  }

  /** Need levels as last assessed on or before the date (the first assessment before it). */
  int[] levelsOn(LocalDate date) {
    int[] levels = initialLevels;
    for (Assessment a : assessments) {
      if (!a.date().isAfter(date)) {
        levels = a.levels();
      }
    }
    return levels;
  }

  /** True when the case covers at least one day of {@code from..to}. */
  boolean activeWithin(LocalDate from, LocalDate to) {
    return !caseStart.isAfter(to) && (caseEnd == null || !caseEnd.isBefore(from));
  }
}
