package ee.ska.iste.generator;

import ee.ska.iste.core.person.PersonalCode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The simulated history of one KOV from {@code from} to {@code to}: clients entering and leaving
 * day by day within the KOV's share of its allocation, and each client's case file.
 *
 * <p>Places rule: on every day, the clients active (an episode covering the day, the day of exit
 * included) number at most {@code capacity} and at least {@code minimum = ceil(0.6 × capacity)}: a
 * vacancy below the minimum is filled the next day, one between the minimum and the target
 * occupancy with probability 1/21 a day (about three weeks' wait).
 */
final class KovWorld {
  private static final String MOVE_AWAY_REASON = "ELUKOHA_VAHETUS";

  final String kov;
  final int capacity;
  final int target;
  final int minimum;
  final Profile profile;
  final List<String> btoCodes;
  final List<String> ltoCodes;
  final String role;
  final List<Person> persons = new ArrayList<>();

  private final int kovIndex;
  private final CodeSpace codeSpace;
  private final Catalog catalog;
  private final SyntheticMix mix;
  private final Rng rng;
  private final LocalDate from;
  private final LocalDate to;
  private final Set<Long> usedCodes = new HashSet<>();
  private final Deque<Mover> arriving = new ArrayDeque<>();
  private final List<Mover> leaving;
  private final boolean[] leavingAdmitted;

  /**
   * How well the KOV's model works: the QoL trend (points per month), the chance that a domain's
   * need falls by one level at a reassessment, and the chance a plan goal is reached.
   */
  record Profile(
      String label,
      double qolSlope,
      double needDecline,
      double goalReach,
      double annualExit,
      double qolMiss) {}

  /** The layout of serial numbers: KOVs, movers and ghosts never share a code. */
  record CodeSpace(int kovCount) {
    int modulus() {
      return kovCount + 1;
    }

    int slots() {
      return 1000 / modulus() - 1;
    }

    int serial(int kovIndex, int slot) {
      return slot * modulus() + kovIndex;
    }

    int moverIndex() {
      return kovCount;
    }

    int ghostSlot() {
      return slots();
    }
  }

  private KovWorld(
      String kov,
      int kovIndex,
      CodeSpace codeSpace,
      int capacity,
      double occupancy,
      Catalog catalog,
      SyntheticMix mix,
      long seed,
      LocalDate from,
      LocalDate to,
      List<Mover> movers) {
    if (codeSpace.slots() < 2) {
      throw new IllegalArgumentException(
          "too many KOVs for the personal code serial space: " + codeSpace.kovCount());
    }
    this.kov = kov;
    this.kovIndex = kovIndex;
    this.codeSpace = codeSpace;
    this.capacity = capacity;
    this.target = Math.max(1, Math.min(capacity, (int) Math.round(capacity * occupancy)));
    this.minimum = Math.min(target, (int) Math.ceil(0.6 * capacity));
    this.catalog = catalog;
    this.mix = mix;
    this.rng = Rng.derive(seed, "kov", kov);
    this.from = from;
    this.to = to;
    this.profile = profile(Rng.derive(seed, "kov-profile", kov));
    Rng providers = Rng.derive(seed, "kov-providers", kov);
    this.btoCodes = registryCodes(providers, providers.between(1, 2));
    this.ltoCodes = registryCodes(providers, providers.between(2, 4));
    this.role = mix.of("role").draw(providers);
    movers.stream().filter(m -> m.toKov().equals(kov)).forEach(arriving::add);
    this.leaving = movers.stream().filter(m -> m.fromKov().equals(kov)).toList();
    this.leavingAdmitted = new boolean[leaving.size()];
  }

  /** Simulates one KOV. */
  static KovWorld simulate(
      String kov,
      int kovIndex,
      CodeSpace codeSpace,
      int capacity,
      double occupancy,
      Catalog catalog,
      SyntheticMix mix,
      long seed,
      LocalDate from,
      LocalDate to,
      List<Mover> movers) {
    KovWorld w =
        new KovWorld(
            kov, kovIndex, codeSpace, capacity, occupancy, catalog, mix, seed, from, to, movers);
    w.run();
    return w;
  }

  private static Profile profile(Rng r) {
    int kind = r.weighted(new double[] {0.2, 0.6, 0.2});
    return switch (kind) {
      case 0 ->
          new Profile(
              "strong",
              r.gaussian(1.5, 0.15),
              0.45,
              0.7,
              r.uniform(0.12, 0.2),
              r.uniform(0.03, 0.08));
      case 2 ->
          new Profile(
              "weak",
              r.gaussian(-0.4, 0.15),
              0.08,
              0.3,
              r.uniform(0.2, 0.3),
              r.uniform(0.12, 0.25));
      default ->
          new Profile(
              "typical",
              r.gaussian(0.5, 0.2),
              0.25,
              0.5,
              r.uniform(0.15, 0.25),
              r.uniform(0.05, 0.15));
    };
  }

  private static List<String> registryCodes(Rng r, int n) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(String.format(Locale.ROOT, "80%06d", r.between(0, 999_999)));
    }
    return List.copyOf(out);
  }

  private void run() {
    List<Person> active = new ArrayList<>();
    for (int i = 0; i < target; i++) {
      LocalDate caseStart = from.minusDays(rng.between(0, 3 * 365));
      active.add(admit(caseStart, true));
    }
    double dailyExit = -Math.log(1 - profile.annualExit()) / 365.0;
    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
      if (d.isAfter(from)) {
        int n = active.size();
        int add = Math.max(0, minimum - n);
        for (int v = n + add; v < target; v++) {
          if (rng.chance(1 / 21.0)) {
            add++;
          }
        }
        for (int i = 0; i < add; i++) {
          active.add(admit(d, false));
        }
      }
      for (Iterator<Person> it = active.iterator(); it.hasNext(); ) {
        Person p = it.next();
        if (!p.caseStart.isBefore(d)) {
          continue;
        }
        if (isLeavingOn(p, d)) {
          p.endCase(d, MOVE_AWAY_REASON);
          it.remove();
        } else if (!isLeaving(p) && rng.chance(dailyExit)) {
          p.endCase(d, mix.of("exit_reason").draw(rng));
          it.remove();
        }
      }
      if (d.getMonthValue() == 12 && d.getDayOfMonth() == 31) {
        for (Person p : active) {
          p.turnYear(d, catalog.administrativeExit);
        }
      }
    }
  }

  private boolean isLeaving(Person p) {
    return p.id < 0;
  }

  private boolean isLeavingOn(Person p, LocalDate d) {
    return p.id < 0 && leaving.get(-p.id - 1).movedOn().equals(d);
  }

  /** Admits a new case; initial cases started before the simulated period. */
  private Person admit(LocalDate caseStart, boolean initial) {
    Mover mover = nextMover(caseStart, initial);
    Rng r = Rng.derive(rng.nextLong());
    LocalDate birth;
    PersonalCode.Sex sex;
    String code;
    String diagnosis;
    int id;
    if (mover != null) {
      birth = mover.birth();
      sex = mover.sex();
      code = mover.code();
      diagnosis = mover.diagnosis();
      int leavingIndex = leaving.indexOf(mover);
      if (leavingIndex >= 0) {
        leavingAdmitted[leavingIndex] = true;
        id = -(leavingIndex + 1);
      } else {
        id = persons.size();
      }
    } else {
      int age =
          !initial && r.chance(0.005)
              ? 15
              : 16 + (int) ((r.uniform(0, 1) + r.uniform(0, 1)) / 2 * 49);
      sex = r.chance(0.5) ? PersonalCode.Sex.M : PersonalCode.Sex.N;
      birth = caseStart.minusYears(age).minusDays(r.between(0, 364));
      code = uniqueCode(birth, sex, r);
      diagnosis = mix.of("diagnosis").draw(r);
      id = persons.size();
    }
    boolean cooperative = !r.chance(0.15);
    Person p =
        new Person(
            id,
            code,
            birth,
            sex,
            diagnosis,
            mix.of("severity").draw(r),
            mix.of("entry_route").draw(r),
            r.pick(btoCodes),
            r.pick(ltoCodes),
            caseStart,
            Math.max(5, Math.min(85, r.gaussian(42, 12))),
            profile.qolSlope() + r.gaussian(0, 0.5),
            Math.max(0.01, Math.min(0.5, profile.qolMiss() + r.gaussian(0, 0.05))),
            r.chance(0.08) ? 0.45 : 0.02);
    scheduleAssessments(p, r);
    schedulePlans(p, r, cooperative);
    LocalDate episodeStart = caseStart;
    LocalDate yearStart = from.withDayOfYear(1);
    if (initial && caseStart.isBefore(yearStart)) {
      episodeStart = yearStart;
    }
    boolean cooperativeAtEntry =
        episodeStart.equals(caseStart)
            ? cooperative
            : p.hasActivityPlanBy(episodeStart.minusDays(1));
    p.episodes.add(new Person.Episode(episodeStart, null, null, cooperativeAtEntry));
    persons.add(p);
    return p;
  }

  private Mover nextMover(LocalDate day, boolean initial) {
    Mover m = arriving.peek();
    if (!initial && m != null && !m.enterAfter().isAfter(day)) {
      return arriving.poll();
    }
    for (int i = 0; i < leaving.size() && !initial; i++) {
      Mover l = leaving.get(i);
      if (!leavingAdmitted[i]
          && !l.enterFrom().isAfter(day)
          && l.movedOn().isAfter(day.plusDays(30))) {
        return l;
      }
    }
    return null;
  }

  private String uniqueCode(LocalDate birth, PersonalCode.Sex sex, Rng r) {
    LocalDate b = birth;
    while (true) {
      int first = r.between(0, codeSpace.slots() - 1);
      for (int i = 0; i < codeSpace.slots(); i++) {
        int slot = (first + i) % codeSpace.slots();
        String code = PersonalCode.build(b, sex, codeSpace.serial(kovIndex, slot));
        if (usedCodes.add(Long.parseLong(code))) {
          return code;
        }
      }
      b = b.minusDays(1);
    }
  }

  private void scheduleAssessments(Person p, Rng r) {
    int domains = catalog.domains.size();
    int[] levels = new int[domains];
    for (int i = 0; i < domains; i++) {
      double[] weights = i == 0 ? new double[] {0, 1, 4, 4, 1} : new double[] {1, 3, 3, 2, 0.5};
      levels[i] = r.weighted(weights);
    }
    p.initialLevels = levels;
    LocalDate date = p.caseStart.plusDays(r.chance(0.9) ? r.between(0, 20) : r.between(21, 60));
    boolean irregular = r.chance(0.12);
    boolean initial = true;
    while (!date.isAfter(to)) {
      p.assessments.add(new Person.Assessment(date, initial, levels.clone()));
      initial = false;
      int[] next = levels.clone();
      for (int i = 0; i < domains; i++) {
        if (next[i] > 0 && r.chance(profile.needDecline())) {
          next[i]--;
        } else if (next[i] < 4 && r.chance(0.06)) {
          next[i]++;
        }
      }
      levels = next;
      date = date.plusDays(irregular ? r.between(390, 520) : r.between(330, 380));
    }
  }

  private void schedulePlans(Person p, Rng r, boolean cooperative) {
    LocalDate initialAssessment = p.caseStart.plusDays(20);
    if (!p.assessments.isEmpty()) {
      initialAssessment = p.assessments.get(0).date();
    }
    LocalDate made =
        initialAssessment.plusDays(r.chance(0.8) ? r.between(2, 30) : r.between(31, 90));
    boolean activity = cooperative;
    int supportPlans = 0;
    while (!made.isAfter(to)) {
      LocalDate next;
      boolean nextActivity;
      int goals;
      if (activity) {
        next = made.plusDays(r.chance(0.9) ? r.between(150, 210) : r.between(240, 400));
        nextActivity = true;
        goals = r.between(2, 5);
      } else {
        supportPlans++;
        nextActivity = r.chance(supportPlans == 1 ? 0.8 : 0.5);
        next = made.plusDays(nextActivity ? r.between(90, 240) : r.between(150, 210));
        goals = r.between(1, 2);
      }
      int reached = r.binomial(goals, activity ? profile.goalReach() : 0.4);
      p.plans.add(new Person.PlanVersion(activity, made, next, goals, reached));
      made = next;
      activity = nextActivity;
    }
  }

  /** Days of {@code from..to} (inclusive) that the person's case covers. */
  static int daysActive(Person p, LocalDate from, LocalDate to) {
    LocalDate a = p.caseStart.isAfter(from) ? p.caseStart : from;
    LocalDate b = p.caseEnd != null && p.caseEnd.isBefore(to) ? p.caseEnd : to;
    return a.isAfter(b) ? 0 : (int) ChronoUnit.DAYS.between(a, b) + 1;
  }
}
