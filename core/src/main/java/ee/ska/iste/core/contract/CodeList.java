package ee.ska.iste.core.contract;

import java.util.List;

/**
 * Where the allowed values of a code column come from: the {@code code} column of one or more
 * reference tables ({@code ref/<table>.csv}, loaded by {@code ReferenceData}), or a short fixed
 * list the contract itself spells. Exactly one of the two is given.
 *
 * @param refTables the reference tables whose codes together are allowed (empty for a fixed list)
 * @param fixedCodes the allowed codes when they are not reference data (empty otherwise)
 */
public record CodeList(List<String> refTables, List<String> fixedCodes) {
  public CodeList {
    refTables = List.copyOf(refTables);
    fixedCodes = List.copyOf(fixedCodes);
    if (refTables.isEmpty() == fixedCodes.isEmpty()) {
      throw new IllegalArgumentException(
          "a code list is either reference tables or fixed codes, got " + refTables + fixedCodes);
    }
  }

  /** The codes of these reference tables. */
  public static CodeList ref(String... tables) {
    return new CodeList(List.of(tables), List.of());
  }

  /** These codes, written in the contract. */
  public static CodeList fixed(String... codes) {
    return new CodeList(List.of(), List.of(codes));
  }
}
