package ee.ska.iste.generator;

import ee.ska.iste.core.contract.ContractSheet;
import ee.ska.iste.core.person.PersonalCode;
import ee.ska.iste.core.time.Quarter;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Breaks data rows on their way to a sink: each data row is, with probability {@code rate}, written
 * with one defect of a kind that fits the sheet and the row. Counts rows written per sheet and
 * defects per kind. The cover row passes untouched.
 */
final class DefectInjector implements SubmissionSink {
  private final SubmissionSink sink;
  private final double rate;
  private final Rng rng;
  private final Quarter quarter;
  private final KovWorld.CodeSpace codeSpace;
  private final Map<ContractSheet, Long> rows = new EnumMap<>(ContractSheet.class);
  private final Map<DefectKind, Long> defects = new EnumMap<>(DefectKind.class);

  DefectInjector(
      SubmissionSink sink, double rate, Rng rng, Quarter quarter, KovWorld.CodeSpace codeSpace) {
    this.sink = sink;
    this.rate = rate;
    this.rng = rng;
    this.quarter = quarter;
    this.codeSpace = codeSpace;
  }

  Map<ContractSheet, Long> rows() {
    return rows;
  }

  Map<DefectKind, Long> defects() {
    return defects;
  }

  @Override
  public void row(ContractSheet sheet, String[] values) throws IOException {
    if (sheet == ContractSheet.KAAS || rate <= 0 || !rng.chance(rate)) {
      emit(sheet, values);
      return;
    }
    List<DefectKind> fitting = new ArrayList<>();
    for (DefectKind k : DefectKind.values()) {
      if (k.appliesTo(sheet) && fits(k, sheet, values)) {
        fitting.add(k);
      }
    }
    DefectKind kind = rng.pick(fitting);
    defects.merge(kind, 1L, Long::sum);
    if (kind == DefectKind.DUPLICATE_ROW) {
      emit(sheet, values);
      emit(sheet, values);
    } else {
      emit(sheet, broken(kind, sheet, values.clone()));
    }
  }

  private void emit(ContractSheet sheet, String[] values) throws IOException {
    rows.merge(sheet, 1L, Long::sum);
    sink.row(sheet, values);
  }

  private static boolean fits(DefectKind kind, ContractSheet sheet, String[] v) {
    return switch (kind) {
      case REACHED_ABOVE_GOALS -> v[sheet.index("saavutatud")] != null;
      default -> true;
    };
  }

  private String[] broken(DefectKind kind, ContractSheet sheet, String[] v) {
    switch (kind) {
      case INVALID_PERSONAL_CODE -> {
        String code = v[0];
        int check = code.charAt(10) - '0';
        v[0] = code.substring(0, 10) + (check + rng.between(1, 9)) % 10;
      }
      case PERSON_NOT_IN_CLIENTS -> v[0] = ghostCode();
      case MISSING_REQUIRED -> v[sheet.index(requiredColumn(sheet))] = null;
      case UNPARSEABLE_DATE -> {
        int year = quarter.year();
        v[sheet.index(dateColumn(sheet))] =
            rng.pick(List.of(year + "-02-30", "31.13." + year, "eile", year + "-00-10"));
      }
      case UNPARSEABLE_NUMBER ->
          v[sheet.index(numberColumn(sheet))] = rng.pick(List.of("kaks", "x", "1..5", "?"));
      case UNKNOWN_ENTRY_ROUTE -> v[sheet.index("sisenemise_tee")] = rng.pick(List.of("D", "X"));
      case UNKNOWN_SEVERITY ->
          v[sheet.index("raskusaste")] = rng.pick(List.of("KERGE", "MOODUKAS"));
      case UNKNOWN_EXIT_REASON -> {
        closeIfOpen(sheet, v);
        v[sheet.index("valjumise_pohjus")] = "KOLIS_ARA";
      }
      case INVALID_DIAGNOSIS ->
          v[sheet.index("pohidiagnoos")] = rng.pick(List.of("skisofreenia", "F2O", "20.0"));
      case END_BEFORE_START -> {
        LocalDate start = LocalDate.parse(v[sheet.index("algus")]);
        v[sheet.index("lopp")] = start.minusDays(rng.between(1, 40)).toString();
        if (v[sheet.index("valjumise_pohjus")] == null) {
          v[sheet.index("valjumise_pohjus")] = "LOOBUMINE";
        }
      }
      case END_WITHOUT_REASON -> {
        closeIfOpen(sheet, v);
        v[sheet.index("valjumise_pohjus")] = null;
      }
      case UNKNOWN_DOMAIN ->
          v[sheet.index("eluvaldkond")] = rng.pick(List.of("TRANSPORT", "vaimne tervis"));
      case UNKNOWN_ASSESSMENT_TYPE -> v[sheet.index("liik")] = "VAHEHINDAMINE";
      case LEVEL_OUT_OF_RANGE -> v[sheet.index("tase")] = rng.pick(List.of("5", "-1", "9"));
      case UNKNOWN_PLAN_TYPE -> v[sheet.index("liik")] = "RAVIPLAAN";
      case REACHED_ABOVE_GOALS -> {
        int goals = Integer.parseInt(v[sheet.index("eesmarke")]);
        v[sheet.index("saavutatud")] = Integer.toString(goals + rng.between(1, 2));
      }
      case UNKNOWN_COMPONENT ->
          v[sheet.index("komponent")] = rng.pick(List.of("MASSAAZ", "TRANSPORT"));
      case UNKNOWN_MODE -> v[sheet.index("viis")] = rng.pick(List.of("TELEFON", "E-POST"));
      case DATE_OUTSIDE_QUARTER -> {
        if (sheet == ContractSheet.OSALEMINE) {
          LocalDate m =
              rng.chance(0.5) ? quarter.firstDay().minusMonths(1) : quarter.lastDay().plusDays(1);
          v[sheet.index("kuu")] =
              String.format(Locale.ROOT, "%04d-%02d", m.getYear(), m.getMonthValue());
        } else {
          LocalDate d =
              rng.chance(0.5)
                  ? quarter.firstDay().minusDays(rng.between(1, 60))
                  : quarter.lastDay().plusDays(rng.between(1, 60));
          v[sheet.index("kuupaev")] = d.toString();
        }
      }
      case HOURS_ZERO -> v[sheet.index("tunnid")] = "0";
      case HOURS_NEGATIVE -> v[sheet.index("tunnid")] = "-" + v[sheet.index("tunnid")];
      case HOURS_ABOVE_MAX ->
          v[sheet.index("tunnid")] = Integer.toString(744 + rng.between(1, 300));
      case UNKNOWN_INSTRUMENT ->
          v[sheet.index("instrument")] = rng.pick(List.of("WHOQOL-BREF", "EQ-5D"));
      case ITEM_OUT_OF_RANGE ->
          v[sheet.index("k" + rng.between(1, 8))] = rng.pick(List.of("11", "-1", "15"));
      case DUPLICATE_ROW -> throw new IllegalStateException("a duplicate is written, not broken");
      default -> throw new IllegalStateException("no way to break a row with " + kind);
    }
    return v;
  }

  /** Gives an open episode an end inside the quarter, not before its start. */
  private void closeIfOpen(ContractSheet sheet, String[] v) {
    int lopp = sheet.index("lopp");
    if (v[lopp] == null) {
      LocalDate start = parseOrNull(v[sheet.index("algus")]);
      LocalDate end = quarter.lastDay();
      v[lopp] = (start != null && start.isAfter(end) ? start : end).toString();
    }
  }

  private static LocalDate parseOrNull(String s) {
    try {
      return s == null ? null : LocalDate.parse(s);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** A valid personal code in the serial slot no client ever gets. */
  private String ghostCode() {
    LocalDate birth = LocalDate.of(1960, 1, 1).plusDays(rng.between(0, 40 * 365));
    PersonalCode.Sex sex = rng.chance(0.5) ? PersonalCode.Sex.M : PersonalCode.Sex.N;
    return PersonalCode.build(
        birth, sex, codeSpace.serial(rng.between(0, codeSpace.kovCount()), codeSpace.ghostSlot()));
  }

  private static String requiredColumn(ContractSheet sheet) {
    return switch (sheet) {
      case KLIENT -> "raskusaste";
      case HINDAMINE -> "tase";
      case PLAAN -> "koostatud";
      case OSALEMINE -> "tunnid";
      case ELUKVALITEET -> "kuupaev";
      default -> throw new IllegalArgumentException("no required column chosen for " + sheet);
    };
  }

  private static String dateColumn(ContractSheet sheet) {
    return switch (sheet) {
      case KLIENT -> "algus";
      case HINDAMINE, ELUKVALITEET -> "kuupaev";
      case PLAAN -> "koostatud";
      default -> throw new IllegalArgumentException("no date column chosen for " + sheet);
    };
  }

  private static String numberColumn(ContractSheet sheet) {
    return switch (sheet) {
      case HINDAMINE -> "tase";
      case PLAAN -> "eesmarke";
      case OSALEMINE -> "tunnid";
      case ELUKVALITEET -> "k1";
      default -> throw new IllegalArgumentException("no number column chosen for " + sheet);
    };
  }

  @Override
  public void close() throws IOException {
    sink.close();
  }
}
