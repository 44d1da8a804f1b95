package ee.ska.iste.generator;

import static ee.ska.iste.core.contract.ContractSheet.ELUKVALITEET;
import static ee.ska.iste.core.contract.ContractSheet.HINDAMINE;
import static ee.ska.iste.core.contract.ContractSheet.KLIENT;
import static ee.ska.iste.core.contract.ContractSheet.OSALEMINE;
import static ee.ska.iste.core.contract.ContractSheet.PLAAN;

import ee.ska.iste.core.contract.ContractSheet;
import java.util.EnumSet;
import java.util.Set;

/**
 * The kinds of bad row the generator can inject (contract.md, "What the pipeline must do with a row
 * that breaks a rule"), each with the data sheets it applies to. The cover sheet is never broken at
 * the row level.
 */
public enum DefectKind {
  /** The personal code's check digit is wrong. */
  INVALID_PERSONAL_CODE(KLIENT, HINDAMINE, PLAAN, OSALEMINE, ELUKVALITEET),
  /** A valid personal code of a person who has no row in {@code klient}. */
  PERSON_NOT_IN_CLIENTS(HINDAMINE, PLAAN, OSALEMINE, ELUKVALITEET),
  /** The same row written twice. */
  DUPLICATE_ROW(KLIENT, HINDAMINE, PLAAN, OSALEMINE, ELUKVALITEET),
  /** A required value left empty. */
  MISSING_REQUIRED(KLIENT, HINDAMINE, PLAAN, OSALEMINE, ELUKVALITEET),
  /** A date that is not a date ({@code 31.02.2024}, {@code 2024-13-45}). */
  UNPARSEABLE_DATE(KLIENT, HINDAMINE, PLAAN, ELUKVALITEET),
  /** A number that is not a number ({@code kaks}). */
  UNPARSEABLE_NUMBER(HINDAMINE, PLAAN, OSALEMINE, ELUKVALITEET),
  /** {@code sisenemise_tee} not A, B or C. */
  UNKNOWN_ENTRY_ROUTE(KLIENT),
  /** {@code raskusaste} not in the code list. */
  UNKNOWN_SEVERITY(KLIENT),
  /** {@code valjumise_pohjus} not in the code list. */
  UNKNOWN_EXIT_REASON(KLIENT),
  /** {@code pohidiagnoos} that does not look like an ICD-10 code. */
  INVALID_DIAGNOSIS(KLIENT),
  /** {@code lopp} before {@code algus}. */
  END_BEFORE_START(KLIENT),
  /** {@code lopp} given without {@code valjumise_pohjus}. */
  END_WITHOUT_REASON(KLIENT),
  /** {@code eluvaldkond} not in the code list. */
  UNKNOWN_DOMAIN(HINDAMINE),
  /** {@code liik} of an assessment not ESMANE or KORDUV. */
  UNKNOWN_ASSESSMENT_TYPE(HINDAMINE),
  /** {@code tase} outside 0–4. */
  LEVEL_OUT_OF_RANGE(HINDAMINE),
  /** {@code liik} of a plan not TEGEVUSPLAAN or TOETUSPLAAN. */
  UNKNOWN_PLAN_TYPE(PLAAN),
  /** {@code saavutatud} greater than {@code eesmarke}. */
  REACHED_ABOVE_GOALS(PLAAN),
  /** {@code komponent} not in the code list. */
  UNKNOWN_COMPONENT(OSALEMINE),
  /** {@code viis} not in the code list. */
  UNKNOWN_MODE(OSALEMINE),
  /** {@code kuu} or {@code kuupaev} outside the submission's quarter. */
  DATE_OUTSIDE_QUARTER(OSALEMINE, ELUKVALITEET),
  /** {@code tunnid} = 0. */
  HOURS_ZERO(OSALEMINE),
  /** {@code tunnid} below 0. */
  HOURS_NEGATIVE(OSALEMINE),
  /** {@code tunnid} above 744. */
  HOURS_ABOVE_MAX(OSALEMINE),
  /** {@code instrument} not in the instrument list. */
  UNKNOWN_INSTRUMENT(ELUKVALITEET),
  /** An item answer outside 0–10. */
  ITEM_OUT_OF_RANGE(ELUKVALITEET);

  private final Set<ContractSheet> sheets;

  DefectKind(ContractSheet first, ContractSheet... rest) {
    this.sheets = EnumSet.of(first, rest);
  }

  /** True when the kind can be injected into a row of the sheet. */
  public boolean appliesTo(ContractSheet sheet) {
    return sheets.contains(sheet);
  }
}
