package ee.ska.iste.generator;

import ee.ska.iste.core.person.PersonalCode;
import java.time.LocalDate;

/**
 * A person served in two KOVs over time: in {@code fromKov} until {@code movedOn} (exit reason
 * ELUKOHA_VAHETUS), then, from {@code enterAfter} on, a new client of {@code toKov}. The person's
 * identity is derived from the seed alone, so both KOVs' streams give the same code.
 */
record Mover(
    int id,
    String code,
    LocalDate birth,
    PersonalCode.Sex sex,
    String diagnosis,
    String fromKov,
    String toKov,
    LocalDate enterFrom,
    LocalDate movedOn,
    LocalDate enterAfter) {}
