package ee.ska.iste.pipelines.ingest;

import ee.ska.iste.core.contract.CodeList;
import ee.ska.iste.core.contract.ContractSheet;
import ee.ska.iste.core.contract.RowBuilder;
import ee.ska.iste.core.contract.SheetColumn;
import ee.ska.iste.core.contract.StagedTable;
import ee.ska.iste.core.person.PersonalCode;
import ee.ska.iste.core.person.Pseudonymiser;
import ee.ska.iste.core.quality.ReasonCode;
import ee.ska.iste.core.quality.RefusalReason;
import ee.ska.iste.core.ref.RefTable;
import ee.ska.iste.core.ref.ReferenceData;
import ee.ska.iste.core.time.Quarter;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Checks one submission against every rule of contract.md: the cover (a broken cover refuses the
 * whole submission), each row of each sheet (a broken row is rejected with its reasons) and the
 * rules across sheets (a row for a person without an accepted {@code klient} row, duplicates).
 * Accepted rows leave pseudonymised, with birth year and month, sex and age derived from the
 * personal code and the code itself dropped. Serializable, with the reference tables it uses
 * loaded, for the Spark tasks that read submissions.
 */
final class SubmissionValidator implements Serializable {
  private static final long serialVersionUID = 1L;

  /**
   * The reference tables the rules read besides the contract's code lists (all are loaded up front,
   * so that they travel with the rules).
   */
  private static final List<String> REF_TABLES =
      List.of(
          ReadCaps.TABLE,
          "allocations",
          "thresholds",
          "funding_rounds",
          "excluded_diagnoses",
          "pension_age");

  private static final Pattern ICD10 = Pattern.compile("[A-Z]\\d{2}(\\.[0-9A-Z]{1,2})?");
  private static final Map<String, Boolean> YES_NO = Map.of("JAH", true, "EI", false);
  private static final String CODE_COLUMN = "isikukood";

  /**
   * Identifier and free-text columns: a rejected value of one of them is stored only as its shape
   * ({@link ValueShape}), never as typed.
   */
  private static final Set<String> SHAPE_ONLY_COLUMNS =
      Set.of(CODE_COLUMN, "bto", "osutaja", "pohidiagnoos", "instrument");

  private static final int QOL_ITEMS = 8;

  private final ReferenceData ref;
  private final Pseudonymiser pseudonymiser;
  private final Eligibility eligibility;

  SubmissionValidator(ReferenceData ref, Pseudonymiser pseudonymiser) {
    this.ref = ref;
    this.pseudonymiser = pseudonymiser;
    this.eligibility = new Eligibility(ref);
    REF_TABLES.forEach(ref::table);
    for (ContractSheet sheet : ContractSheet.values()) {
      for (SheetColumn column : sheet.columns()) {
        if (column.codeList() != null) {
          column.codeList().refTables().forEach(ref::table);
        }
      }
    }
  }

  /** The reference data the rules (and the readers' caps) come from. */
  ReferenceData referenceData() {
    return ref;
  }

  /** The cover's facts once it passed. */
  record Cover(LocalDate submittedOn, String formVersion) {}

  /** Checks the cover sheet; a broken cover refuses the submission. */
  Cover cover(SubmissionFile file, RawSubmission raw) throws SubmissionRefused {
    String name = file.fileName();
    RawSheet kaas = raw.sheets().get(ContractSheet.KAAS.sheetName());
    if (kaas.rows().size() != 1) {
      throw new SubmissionRefused(
          RefusalReason.COVER_ROW_COUNT,
          name + ": sheet 'kaas' must have exactly one row, it has " + kaas.rows().size());
    }
    RawSheet.RawRow row = kaas.rows().get(0);
    String kov = row.get("kov");
    if (kov != null && kov.matches("\\d{1,3}")) {
      kov = "0".repeat(4 - kov.length()) + kov; // an Excel number cell drops leading zeros
    }
    if (!file.kovCode().equals(kov)) {
      throw new SubmissionRefused(
          RefusalReason.COVER_MISMATCH,
          name
              + ": sheet 'kaas', column 'kov' disagrees with the file name ("
              + file.kovCode()
              + ")");
    }
    if (!file.quarter().toString().equals(row.get("kvartal"))) {
      throw new SubmissionRefused(
          RefusalReason.COVER_MISMATCH,
          name
              + ": sheet 'kaas', column 'kvartal' disagrees with the file name ("
              + file.quarter()
              + ")");
    }
    LocalDate submitted =
        row.get("esitatud") == null ? null : CellParsers.date(row.get("esitatud"));
    if (submitted == null) {
      throw new SubmissionRefused(
          RefusalReason.COVER_INVALID,
          name + ": sheet 'kaas', column 'esitatud' is not a date (YYYY-MM-DD)");
    }
    Quarter q = file.quarter();
    if (submitted.isBefore(q.firstDay())) {
      throw new SubmissionRefused(
          RefusalReason.SUBMITTED_BEFORE_QUARTER,
          name
              + ": sheet 'kaas', column 'esitatud' "
              + submitted
              + " is before the quarter starts "
              + q.firstDay());
    }
    String version = row.get("vorm_versioon");
    RefTable versions = ref.table("form_versions");
    boolean knownVersion =
        version != null
            && versions.validOn(q.firstDay()).stream().anyMatch(r -> version.equals(r.get("code")));
    if (!knownVersion) {
      throw new SubmissionRefused(
          RefusalReason.UNKNOWN_FORM_VERSION,
          name + ": sheet 'kaas', column 'vorm_versioon' is not a known form version");
    }
    String kovCode = kov;
    boolean inRound =
        ref.allocations().stream()
            .anyMatch(
                a ->
                    a.kovCodes().contains(kovCode)
                        && !a.validFrom().isAfter(q.lastDay())
                        && (a.validTo() == null || !a.validTo().isBefore(q.firstDay())));
    if (!inRound) {
      throw new SubmissionRefused(
          RefusalReason.KOV_NOT_IN_ROUND,
          name + ": KOV " + kovCode + " has no allocation of places in " + q);
    }
    return new Cover(submitted, version);
  }

  /** Checks every data row; the cover must have passed {@link #cover}. */
  ValidatedSubmission validate(SubmissionFile file, RawSubmission raw, Cover cover) {
    Quarter q = file.quarter();
    Map<String, String> pseudonyms = new HashMap<>();
    Map<String, List<ValidatedSubmission.StagedRow>> accepted = new LinkedHashMap<>();
    List<ValidatedSubmission.Reject> rejects = new ArrayList<>();
    List<ValidatedSubmission.SheetCount> counts = new ArrayList<>();
    counts.add(
        new ValidatedSubmission.SheetCount(
            ContractSheet.KAAS.sheetName(),
            1,
            1,
            0,
            raw.warnings().get(ContractSheet.KAAS.sheetName())));

    Set<String> clients = new HashSet<>();
    SheetRules rules = new SheetRules(q, pseudonyms, clients);
    Map<ContractSheet, Function<Check, Parsed>> parsers = new LinkedHashMap<>();
    parsers.put(ContractSheet.KLIENT, rules::klient);
    // The set of clients is known only once klient is through; the other sheets are checked
    // against the accepted episodes.
    parsers.put(ContractSheet.HINDAMINE, rules::hindamine);
    parsers.put(ContractSheet.PLAAN, rules::plaan);
    parsers.put(ContractSheet.OSALEMINE, rules::osalemine);
    parsers.put(ContractSheet.ELUKVALITEET, rules::elukvaliteet);
    parsers.forEach(
        (spec, parser) ->
            accepted.put(
                spec.table().tableName(), sheet(spec, raw, parser, rules, rejects, counts)));
    return new ValidatedSubmission(
        cover.submittedOn(), cover.formVersion(), accepted, rejects, counts);
  }

  /** What a sheet's rule set makes of a row: values in schema order and its two keys. */
  private record Parsed(Object[] values, List<Object> content, List<Object> key) {}

  private List<ValidatedSubmission.StagedRow> sheet(
      ContractSheet spec,
      RawSubmission raw,
      Function<Check, Parsed> parser,
      SheetRules rules,
      List<ValidatedSubmission.Reject> rejects,
      List<ValidatedSubmission.SheetCount> counts) {
    RawSheet sheet = raw.sheets().get(spec.sheetName());
    List<ValidatedSubmission.StagedRow> out = new ArrayList<>();
    Set<List<Object>> contents = new HashSet<>();
    Set<List<Object>> keys = new HashSet<>();
    int rejected = 0;
    for (RawSheet.RawRow row : sheet.rows()) {
      Check c = new Check(spec, row, rules::codes);
      if (row.extraCells()) {
        c.fail(null, ReasonCode.EXTRA_CELLS, null, "cells beyond the named columns");
      }
      Parsed p = parser.apply(c);
      if (c.failed()) {
        rejects.addAll(c.rejects);
        rejected++;
      } else if (!contents.add(p.content())) {
        rejects.add(
            c.reject(null, ReasonCode.DUPLICATE_ROW, null, "same values as an earlier row"));
        rejected++;
      } else if (!keys.add(p.key())) {
        rejects.add(c.reject(null, ReasonCode.DUPLICATE_KEY, null, "same key as an earlier row"));
        rejected++;
      } else {
        out.add(new ValidatedSubmission.StagedRow(row.sourceRow(), p.values()));
      }
    }
    counts.add(
        new ValidatedSubmission.SheetCount(
            spec.sheetName(),
            sheet.rows().size(),
            out.size(),
            rejected,
            raw.warnings().getOrDefault(spec.sheetName(), List.of())));
    return out;
  }

  /** The rules of each sheet. */
  private final class SheetRules {
    private final Quarter q;
    private final LocalDate first;
    private final LocalDate last;
    private final Set<String> months;
    private final Map<String, String> pseudonyms;
    private final Set<String> clients;
    private final Set<String> eligibleSeverities = Set.copyOf(ref.codes("severities"));
    // By identity: a contract column is one constant, and rows look their lists up cell by cell.
    private final Map<SheetColumn, Set<String>> codeLists = new IdentityHashMap<>();
    private final BigDecimal maxHours;
    private final int providerDigits;
    private final RefTable instruments = ref.table("instruments");

    SheetRules(Quarter q, Map<String, String> pseudonyms, Set<String> clients) {
      this.q = q;
      this.first = q.firstDay();
      this.last = q.lastDay();
      this.months = Set.copyOf(q.months());
      this.pseudonyms = pseudonyms;
      this.clients = clients;
      this.maxHours = ref.threshold("MAX_MONTH_HOURS", q.firstDay());
      this.providerDigits = ref.threshold("PROVIDER_CODE_DIGITS", q.firstDay()).intValueExact();
    }

    /**
     * Equal values of a submission's accepted rows as one object (codes, dates, providers, hours
     * repeat across rows): the rows wait in memory until they are written.
     */
    private final Map<Object, Object> shared = new HashMap<>();

    private Object[] shared(Object[] values) {
      for (int i = 0; i < values.length; i++) {
        if (values[i] != null) {
          Object earlier = shared.putIfAbsent(values[i], values[i]);
          if (earlier != null) {
            values[i] = earlier;
          }
        }
      }
      return values;
    }

    /** The allowed codes of a column, from the code list the contract names for it. */
    Set<String> codes(SheetColumn column) {
      return codeLists.computeIfAbsent(
          column,
          col -> {
            CodeList list = col.codeList();
            if (list == null) {
              throw new IllegalArgumentException("column " + col.name() + " has no code list");
            }
            Set<String> codes = new LinkedHashSet<>(list.fixedCodes());
            list.refTables().forEach(t -> codes.addAll(ref.codes(t)));
            return Set.copyOf(codes);
          });
    }

    private String clientId(String code) {
      return code == null ? null : pseudonyms.computeIfAbsent(code, pseudonymiser::pseudonym);
    }

    Parsed klient(Check c) {
      String code = c.personalCode();
      LocalDate start = c.date("algus");
      String route = c.code("sisenemise_tee");
      String diagnosis = c.diagnosis("pohidiagnoos");
      String severity = c.code("raskusaste");
      String cooperative = c.code("koostoovalmis");
      String bto = c.provider("bto", providerDigits);
      LocalDate end = c.date("lopp");
      String exit = c.code("valjumise_pohjus");
      if (end != null && c.isEmpty("valjumise_pohjus")) {
        c.fail("valjumise_pohjus", ReasonCode.EXIT_REASON_MISSING, null, "lopp is given");
      }
      if (exit != null && c.isEmpty("lopp")) {
        c.fail("lopp", ReasonCode.EXIT_REASON_WITHOUT_END, null, "valjumise_pohjus is given");
      }
      if (start != null && end != null && end.isBefore(start)) {
        c.fail(
            "lopp", ReasonCode.END_BEFORE_START, end.toString(), "lopp is before algus " + start);
      }
      if (start != null && start.isAfter(last)) {
        c.fail(
            "algus",
            ReasonCode.EPISODE_NOT_ACTIVE,
            start.toString(),
            "starts after " + q + " ends");
      }
      if (end != null && end.isBefore(first)) {
        c.fail(
            "lopp", ReasonCode.EPISODE_NOT_ACTIVE, end.toString(), "ended before " + q + " starts");
      }
      if (c.failed()) {
        return null;
      }
      PersonalCode.Facts facts = PersonalCode.facts(code);
      LocalDate birth = facts.birthDate();
      clients.add(code);
      Object[] values =
          StagedTable.CLIENT_EPISODE
              .row()
              .set("client_id", clientId(code))
              .set("birth_year", birth.getYear())
              .set("birth_month", birth.getMonthValue())
              .set("sex", facts.sex().name())
              .set("start_date", start)
              .set("entry_route", route)
              .set("diagnosis", diagnosis)
              .set("severity", severity)
              .set("cooperative", YES_NO.get(cooperative))
              .set("bto", bto)
              .set("end_date", end)
              .set("exit_reason", exit)
              .set("age_at_start", Eligibility.ageAt(birth, start))
              .set(
                  "ineligible_reason",
                  eligibility.ineligibleReason(
                      birth, start, diagnosis, eligibleSeverities.contains(severity)))
              .values();
      return new Parsed(shared(values), content(code, values), List.of(code, start));
    }

    Parsed hindamine(Check c) {
      String code = c.client(clients);
      LocalDate on = c.date("kuupaev");
      String type = c.code("liik");
      String domain = c.code("eluvaldkond");
      Integer level = c.integer("tase");
      if (level != null && !c.allowed("tase").contains(level.toString())) {
        c.fail("tase", ReasonCode.LEVEL_OUT_OF_RANGE, level.toString(), "need level must be 0-4");
      }
      if (on != null && on.isAfter(last)) {
        c.fail("kuupaev", ReasonCode.OUTSIDE_QUARTER, on.toString(), "after the end of " + q);
      }
      if (c.failed()) {
        return null;
      }
      Object[] values =
          StagedTable.ASSESSMENT
              .row()
              .set("client_id", clientId(code))
              .set("assessed_on", on)
              .set("assessment_type", type)
              .set("domain", domain)
              .set("level", level)
              .values();
      return new Parsed(shared(values), content(code, values), List.of(code, on, type, domain));
    }

    Parsed plaan(Check c) {
      String code = c.client(clients);
      String type = c.code("liik");
      LocalDate made = c.date("koostatud");
      LocalDate reviewed = c.date("ylevaadatud");
      Integer goals = c.integer("eesmarke");
      Integer reached = c.integer("saavutatud");
      if (made != null && made.isAfter(last)) {
        c.fail("koostatud", ReasonCode.OUTSIDE_QUARTER, made.toString(), "after the end of " + q);
      }
      if (reviewed != null && reviewed.isAfter(last)) {
        c.fail(
            "ylevaadatud",
            ReasonCode.OUTSIDE_QUARTER,
            reviewed.toString(),
            "after the end of " + q);
      }
      if (made != null && reviewed != null && reviewed.isBefore(made)) {
        c.fail(
            "ylevaadatud",
            ReasonCode.REVIEW_BEFORE_PLAN,
            reviewed.toString(),
            "before koostatud " + made);
      }
      if (goals != null && goals < 0) {
        c.fail("eesmarke", ReasonCode.GOALS_NEGATIVE, goals.toString(), "must be 0 or more");
      }
      if (reached != null && reached < 0) {
        c.fail("saavutatud", ReasonCode.GOALS_NEGATIVE, reached.toString(), "must be 0 or more");
      }
      if (reached != null && goals != null && reached > goals) {
        c.fail(
            "saavutatud",
            ReasonCode.GOALS_REACHED_EXCEEDS_GOALS,
            reached.toString(),
            "more than eesmarke " + goals);
      }
      if (reached != null && c.isEmpty("ylevaadatud")) {
        c.fail(
            "saavutatud",
            ReasonCode.GOALS_REACHED_WITHOUT_REVIEW,
            reached.toString(),
            "ylevaadatud is empty");
      }
      if (c.failed()) {
        return null;
      }
      Object[] values =
          StagedTable.PLAN
              .row()
              .set("client_id", clientId(code))
              .set("plan_type", type)
              .set("made_on", made)
              .set("reviewed_on", reviewed)
              .set("goals", goals)
              .set("goals_reached", reached)
              .values();
      return new Parsed(shared(values), content(code, values), List.of(code, type, made));
    }

    Parsed osalemine(Check c) {
      String code = c.client(clients);
      YearMonth month = c.month("kuu");
      String component = c.code("komponent");
      String mode = c.code("viis");
      String provider = c.provider("osutaja", providerDigits);
      BigDecimal hours = c.hours("tunnid");
      if (month != null && !months.contains(month.toString())) {
        c.fail("kuu", ReasonCode.OUTSIDE_QUARTER, month.toString(), "not a month of " + q);
      }
      if (hours != null && (hours.signum() <= 0 || hours.compareTo(maxHours) > 0)) {
        c.fail(
            "tunnid",
            ReasonCode.HOURS_OUT_OF_RANGE,
            hours.toPlainString(),
            "hours must be more than 0 and at most " + maxHours.toPlainString());
      }
      if (c.failed()) {
        return null;
      }
      Object[] values =
          StagedTable.PARTICIPATION
              .row()
              .set("client_id", clientId(code))
              .set("month", month.toString())
              .set("month_start", month.atDay(1))
              .set("component", component)
              .set("mode", mode)
              .set("provider", provider)
              .set("hours", hours)
              .values();
      return new Parsed(
          shared(values),
          content(code, values),
          List.of(code, month.toString(), component, mode, provider));
    }

    Parsed elukvaliteet(Check c) {
      String code = c.client(clients);
      LocalDate on = c.date("kuupaev");
      String instrumentCode = c.text("instrument");
      Map<String, String> instrument = null;
      if (instrumentCode != null) {
        String normalised = instrumentCode.toUpperCase(Locale.ROOT);
        LocalDate validOn = on == null ? first : on;
        instrument =
            instruments.validOn(validOn).stream()
                .filter(r -> normalised.equals(r.get("code")))
                .findFirst()
                .orElse(null);
        if (instrument == null) {
          c.fail("instrument", ReasonCode.UNKNOWN_CODE, instrumentCode, "not a known instrument");
        }
      }
      if (on != null && (on.isBefore(first) || on.isAfter(last))) {
        c.fail("kuupaev", ReasonCode.OUTSIDE_QUARTER, on.toString(), "not a day of " + q);
      }
      Integer[] items = new Integer[QOL_ITEMS];
      for (int i = 0; i < QOL_ITEMS; i++) {
        String column = "k" + (i + 1);
        items[i] = c.integer(column);
        if (items[i] != null && instrument != null) {
          int min = Integer.parseInt(instruments.required(instrument, "scale_min"));
          int max = Integer.parseInt(instruments.required(instrument, "scale_max"));
          int itemCount = Integer.parseInt(instruments.required(instrument, "items"));
          if (i >= itemCount || items[i] < min || items[i] > max) {
            c.fail(
                column,
                ReasonCode.ITEM_OUT_OF_RANGE,
                items[i].toString(),
                "answer must be " + min + "-" + max);
          }
        }
      }
      if (c.failed()) {
        return null;
      }
      String refCode = instruments.required(instrument, "code");
      RowBuilder<Object> row =
          StagedTable.QOL
              .row()
              .set("client_id", clientId(code))
              .set("assessed_on", on)
              .set("instrument", refCode);
      for (int i = 0; i < QOL_ITEMS; i++) {
        row.set("item_" + (i + 1), items[i]);
      }
      Object[] values = row.values();
      return new Parsed(shared(values), content(code, values), List.of(code, on, refCode));
    }

    /** Row content for duplicate detection: the code in place of its pseudonym. */
    private List<Object> content(String code, Object[] values) {
      List<Object> key = new ArrayList<>(values.length);
      key.add(code);
      for (int i = 1; i < values.length; i++) {
        key.add(values[i]);
      }
      return key;
    }
  }

  /** The checks of one row, collecting its rejects. */
  private static final class Check {
    private final ContractSheet spec;
    private final RawSheet.RawRow row;
    private final Function<SheetColumn, Set<String>> codeLists;
    private List<ValidatedSubmission.Reject> rejects = List.of();

    Check(ContractSheet spec, RawSheet.RawRow row, Function<SheetColumn, Set<String>> codeLists) {
      this.spec = spec;
      this.row = row;
      this.codeLists = codeLists;
    }

    /** Whether the contract requires a value in the column. */
    private boolean required(String column) {
      return spec.column(column).required();
    }

    /** The codes allowed in a column, from the code list the contract names for it. */
    Set<String> allowed(String column) {
      return codeLists.apply(spec.column(column));
    }

    boolean failed() {
      return !rejects.isEmpty();
    }

    boolean isEmpty(String column) {
      return row.get(column) == null;
    }

    ValidatedSubmission.Reject reject(
        String column, ReasonCode reason, String value, String detail) {
      String shownValue =
          column != null && SHAPE_ONLY_COLUMNS.contains(column)
              ? ValueShape.of(value)
              : Redact.text(value);
      String message =
          spec.sheetName()
              + " row "
              + row.sourceRow()
              + (column == null ? "" : ", column " + column)
              + ": "
              + reason.descriptionEn()
              + (detail == null ? "" : " (" + Redact.text(detail) + ")");
      return new ValidatedSubmission.Reject(
          spec.sheetName(), row.sourceRow(), column, reason, shownValue, message);
    }

    void fail(String column, ReasonCode reason, String value, String detail) {
      if (rejects.isEmpty()) {
        rejects = new ArrayList<>(2);
      }
      rejects.add(reject(column, reason, value, detail));
    }

    /** A column's text; an empty required one breaks a rule. */
    String text(String column) {
      String v = row.get(column);
      if (v == null && required(column)) {
        fail(column, ReasonCode.VALUE_REQUIRED, null, null);
      }
      return v;
    }

    /**
     * A provider's registry code: exactly {@code digits} digits (reference data). A valid personal
     * code is rejected whatever its length, so that a person never stands in for a provider.
     */
    String provider(String column, int digits) {
      String v = text(column);
      if (v == null) {
        return null;
      }
      String code = v.strip();
      if (PersonalCode.isValid(code)) {
        fail(column, ReasonCode.PROVIDER_CODE_INVALID, v, "a personal code, not a provider");
        return null;
      }
      if (code.length() != digits || !code.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
        fail(column, ReasonCode.PROVIDER_CODE_INVALID, v, "must be " + digits + " digits");
        return null;
      }
      return code;
    }

    /** The row's valid personal code, or null (and a reject). */
    String personalCode() {
      String v = text(CODE_COLUMN);
      if (v == null) {
        return null;
      }
      String code = PersonalCode.normalise(v);
      if (!PersonalCode.isValid(code)) {
        fail(CODE_COLUMN, ReasonCode.INVALID_PERSONAL_CODE, v, null);
        return null;
      }
      return code;
    }

    /** A valid personal code that has an accepted klient row. */
    String client(Set<String> clients) {
      String v = row.get(CODE_COLUMN);
      if (v != null) {
        String code = PersonalCode.normalise(v);
        if (clients.contains(code)) {
          return code; // valid: klient accepted it
        }
      }
      String code = personalCode();
      if (code != null && !clients.contains(code)) {
        fail(CODE_COLUMN, ReasonCode.CLIENT_NOT_IN_KLIENT, code, null);
      }
      return code;
    }

    LocalDate date(String column) {
      String v = text(column);
      if (v == null) {
        return null;
      }
      LocalDate d = CellParsers.date(v);
      if (d == null) {
        fail(column, ReasonCode.DATE_UNPARSEABLE, v, null);
      }
      return d;
    }

    YearMonth month(String column) {
      String v = text(column);
      if (v == null) {
        return null;
      }
      YearMonth m = CellParsers.month(v);
      if (m == null) {
        fail(column, ReasonCode.MONTH_UNPARSEABLE, v, null);
      }
      return m;
    }

    Integer integer(String column) {
      String v = text(column);
      if (v == null) {
        return null;
      }
      Integer i = CellParsers.integer(v);
      if (i == null) {
        fail(column, ReasonCode.INTEGER_UNPARSEABLE, v, null);
      }
      return i;
    }

    BigDecimal hours(String column) {
      String v = text(column);
      if (v == null) {
        return null;
      }
      BigDecimal d = CellParsers.hours(v, row.commaDecimalAllowed().contains(column));
      if (d == null) {
        fail(column, ReasonCode.DECIMAL_UNPARSEABLE, v, null);
      }
      return d;
    }

    String code(String column) {
      String v = text(column);
      if (v == null) {
        return null;
      }
      String normalised = v.toUpperCase(Locale.ROOT);
      if (!allowed(column).contains(normalised)) {
        fail(column, ReasonCode.UNKNOWN_CODE, v, "not in the code list");
        return null;
      }
      return normalised;
    }

    String diagnosis(String column) {
      String v = text(column);
      if (v == null) {
        return null;
      }
      String normalised = v.toUpperCase(Locale.ROOT);
      if (!ICD10.matcher(normalised).matches()) {
        fail(column, ReasonCode.DIAGNOSIS_INVALID, v, null);
        return null;
      }
      return normalised;
    }
  }
}
