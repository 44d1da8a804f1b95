package ee.ska.iste.core.person;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PersonalCodeTest {
  @Test
  void theDocumentedExamplesAreValid() {
    // 3 7605 03 029 9: weights 1..9,1 over 3760503029 = 3+14+18+0+25+18+0+16+18+0 = 112; 112 mod 11
    // = 2?
    // Worked out: 3*1 + 7*2 + 6*3 + 0*4 + 5*5 + 0*6 + 3*7 + 0*8 + 2*9 + 9*1 =
    // 3+14+18+0+25+0+21+0+18+9 = 108;
    // 108 mod 11 = 9 -> check digit 9.
    assertEquals(9, PersonalCode.checkDigit("3760503029"));
    assertTrue(PersonalCode.isValid("37605030299"));
    assertTrue(PersonalCode.isValid("49403136526"));
    PersonalCode.Facts f = PersonalCode.facts("49403136526");
    assertEquals(LocalDate.of(1994, 3, 13), f.birthDate());
    assertEquals(PersonalCode.Sex.N, f.sex());
    assertEquals(PersonalCode.Sex.M, PersonalCode.facts("37605030299").sex());
  }

  @Test
  void wrongCheckDigitOrDateIsInvalid() {
    assertFalse(PersonalCode.isValid("37605030298"));
    assertFalse(PersonalCode.isValid("3760503029"));
    assertFalse(PersonalCode.isValid("3760503029x"));
    assertNull(PersonalCode.facts("37613030299"));
  }

  @Test
  void builtCodesAreValidAndCarryTheirFacts() {
    LocalDate birth = LocalDate.of(2001, 12, 31);
    for (int serial = 0; serial < 1000; serial += 37) {
      String code = PersonalCode.build(birth, PersonalCode.Sex.N, serial);
      PersonalCode.Facts f = PersonalCode.facts(code);
      assertEquals(birth, f.birthDate());
      assertEquals(PersonalCode.Sex.N, f.sex());
      assertEquals('6', code.charAt(0));
    }
  }

  @Test
  void pseudonymIsKeyedAndStable() {
    byte[] k1 = new byte[32];
    byte[] k2 = new byte[32];
    k2[0] = 1;
    Pseudonymiser a = new Pseudonymiser(k1);
    assertEquals(a.pseudonym("37605030299"), a.pseudonym(" 37605030299 "));
    assertEquals(64, a.pseudonym("37605030299").length());
    assertFalse(a.pseudonym("37605030299").equals(new Pseudonymiser(k2).pseudonym("37605030299")));
    assertEquals("***********", PersonalCode.mask("37605030299"));
  }
}
