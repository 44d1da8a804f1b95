package ee.ska.iste.disclosure;

import ee.ska.iste.core.ref.ReferenceData;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The disclosure rules valid on a day, from the reference data: the thresholds ({@code
 * SUPPRESSION_MIN}, {@code DISCLOSURE_COUNT_WIDTH}, {@code DISCLOSURE_SUM_MARGIN} in
 * thresholds.csv), the measures' protections and case bounds (disclosure_measures.csv; a measure
 * not listed follows its kind) and the identities between measures of one unit
 * (disclosure_identities.csv).
 *
 * @param min the smallest count shown and the smallest denominator of a shown share or mean
 * @param countWidth a hidden count is protected when the outsider's interval is at least this wide
 * @param sumMargin a hidden sum is protected when the interval reaches this share of it either side
 * @param countyAndAbove the measures published at county and national level only
 *     (disclosure_measures.csv {@code lowest_level} = MAAKOND): their KOV figures are never shown
 *     and are no part of the outsider's model (see {@link #shownAt})
 */
public record DisclosureRules(
    int min,
    double countWidth,
    double sumMargin,
    Map<String, MeasureRule> measures,
    List<IdentityTemplate> identities,
    Map<String, String> perAllocation,
    java.util.Set<String> countyAndAbove) {

  /**
   * The per-allocation measures (a joint allocation reported under each of its KOVs) → the KOV
   * count or sum their numerator adds up over the allocation's KOVs.
   */
  public static final Map<String, String> PER_ALLOCATION =
      Map.of("OCCUPANCY", "CLIENT_DAYS", "ENTRIES_PER_100_PLACES", "NEW");

  /** Σ coefficient × quantity = 0 over the figures of one unit. */
  public record IdentityTemplate(String name, List<Term> terms) {
    public IdentityTemplate {
      terms = List.copyOf(terms);
    }
  }

  /** One term of an identity: a measure's numerator or denominator times a coefficient. */
  public record Term(String measure, Field field, double coefficient) {}

  public DisclosureRules {
    if (min < 1) {
      throw new IllegalArgumentException("SUPPRESSION_MIN must be at least 1: " + min);
    }
    measures = Map.copyOf(measures);
    identities = List.copyOf(identities);
    perAllocation = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(perAllocation));
    countyAndAbove = java.util.Set.copyOf(countyAndAbove);
  }

  /** Rules with every measure published down to the KOV. */
  public DisclosureRules(
      int min,
      double countWidth,
      double sumMargin,
      Map<String, MeasureRule> measures,
      List<IdentityTemplate> identities,
      Map<String, String> perAllocation) {
    this(min, countWidth, sumMargin, measures, identities, perAllocation, java.util.Set.of());
  }

  /**
   * Whether a measure's figures of this level are published at all. A measure published at county
   * level and above has its KOV figures hidden always (reason {@code LEVEL}) and left out of the
   * outsider's model: never shown, they are unknowns tied only by their sums to the county figure
   * and, across a unit's measures, to a total that is itself in the model (component hours to
   * {@code HOURS}); with no upper bound of their own, any KOV totals the model allows can be split
   * among them (a transportation problem with equal margins always has a solution), so they add
   * nothing to what the outsider can work out, and the audit need not carry them.
   */
  public boolean shownAt(String measure, String level) {
    return !(Level.KOV.equals(level) && countyAndAbove.contains(measure));
  }

  /** Rules with one per-allocation measure (its numerator sums {@code daysMeasure} of its KOVs). */
  public DisclosureRules(
      int min,
      double countWidth,
      double sumMargin,
      Map<String, MeasureRule> measures,
      List<IdentityTemplate> identities,
      String occupancyMeasure,
      String daysMeasure) {
    this(min, countWidth, sumMargin, measures, identities, Map.of(occupancyMeasure, daysMeasure));
  }

  /**
   * The rules valid on {@code on}.
   *
   * @param kinds measure code → kind, from the measure catalogue
   */
  public static DisclosureRules of(ReferenceData ref, LocalDate on, Map<String, Kind> kinds) {
    Map<String, MeasureRule> rules = new LinkedHashMap<>();
    java.util.Set<String> countyAndAbove = new java.util.TreeSet<>();
    List<Map<String, String>> listed = ref.table("disclosure_measures").validOn(on);
    for (Map.Entry<String, Kind> e : kinds.entrySet()) {
      MeasureRule r = MeasureRule.byKind(e.getKey(), e.getValue());
      for (Map<String, String> row : listed) {
        if (matches(row.get("measure"), e.getKey())) {
          String lowest = row.get("lowest_level");
          if (Level.COUNTY.equals(lowest)) {
            countyAndAbove.add(e.getKey());
          } else if (lowest != null && !lowest.isBlank() && !Level.KOV.equals(lowest)) {
            throw new IllegalArgumentException(
                "disclosure_measures.csv: lowest_level of "
                    + row.get("measure")
                    + " must be KOV or MAAKOND: "
                    + lowest);
          }
          r =
              new MeasureRule(
                  e.getKey(),
                  e.getValue(),
                  Protection.valueOf(row.get("numerator_rule")),
                  Protection.valueOf(row.get("denominator_rule")),
                  number(row.get("case_min")),
                  number(row.get("case_max")),
                  Boolean.parseBoolean(row.get("denominator_public")),
                  Boolean.parseBoolean(row.get("hierarchical")));
          break;
        }
      }
      rules.put(e.getKey(), r);
    }
    Map<String, List<Term>> terms = new LinkedHashMap<>();
    for (Map<String, String> row : ref.table("disclosure_identities").validOn(on)) {
      terms
          .computeIfAbsent(row.get("identity"), k -> new ArrayList<>())
          .add(
              new Term(
                  row.get("measure"),
                  Field.valueOf(row.get("field")),
                  Double.parseDouble(row.get("coefficient"))));
    }
    List<IdentityTemplate> identities = new ArrayList<>();
    terms.forEach((name, t) -> identities.add(new IdentityTemplate(name, t)));
    return new DisclosureRules(
        ref.threshold("SUPPRESSION_MIN", on).intValueExact(),
        ref.threshold("DISCLOSURE_COUNT_WIDTH", on).doubleValue(),
        ref.threshold("DISCLOSURE_SUM_MARGIN", on).doubleValue(),
        rules,
        identities,
        PER_ALLOCATION,
        countyAndAbove);
  }

  /**
   * The measures of {@code codes} that some row of disclosure_measures.csv, of any validity,
   * publishes at county level and above only (their KOV figures are hidden always, reason {@code
   * LEVEL}): left out where hidden KOV figures are counted.
   */
  public static java.util.Set<String> countyAndAboveEver(
      ReferenceData ref, java.util.Collection<String> codes) {
    java.util.Set<String> out = new java.util.TreeSet<>();
    for (Map<String, String> row : ref.table("disclosure_measures").rows()) {
      if (Level.COUNTY.equals(row.get("lowest_level"))) {
        codes.stream().filter(m -> matches(row.get("measure"), m)).forEach(out::add);
      }
    }
    return out;
  }

  /** The rule of a measure; one not in the catalogue follows its kind. */
  public MeasureRule rule(String measure, Kind kind) {
    MeasureRule r = measures.get(measure);
    return r != null ? r : MeasureRule.byKind(measure, kind);
  }

  /** A listed measure code, or a prefix ending in {@code *}. */
  private static boolean matches(String pattern, String measure) {
    return pattern.endsWith("*")
        ? measure.startsWith(pattern.substring(0, pattern.length() - 1))
        : pattern.equals(measure);
  }

  private static double number(String s) {
    return s == null || s.isBlank() ? Double.NaN : Double.parseDouble(s);
  }
}
