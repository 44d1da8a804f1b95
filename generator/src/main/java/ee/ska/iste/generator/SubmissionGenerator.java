package ee.ska.iste.generator;

import ee.ska.iste.core.contract.ContractSheet;
import ee.ska.iste.core.person.PersonalCode;
import ee.ska.iste.core.ref.ReferenceData;
import ee.ska.iste.core.time.Quarter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Writes synthetic ISTE submissions (contract.md) for every KOV of the allocations valid at the
 * first quarter's start: one per KOV and quarter, as XLSX workbooks or CSV folders.
 *
 * <p>Each KOV's history is simulated on its own random stream, derived from the seed and the KOV
 * code, over the whole period, and then written quarter by quarter; only one KOV is in memory at a
 * time. The same config gives byte-identical files. See {@link KovWorld} for the places rule and
 * the package's tests for the invariants the data keeps.
 */
public final class SubmissionGenerator {
  private final ReferenceData ref;
  private final Consumer<String> progress;

  /** A generator over the reference data shipped with the build, silent. */
  public SubmissionGenerator() {
    this(ReferenceData.builtIn(), line -> {});
  }

  /**
   * @param ref the reference data (allocations, code lists, prices)
   * @param progress receives one line per KOV written (for a console); never a personal code
   */
  public SubmissionGenerator(ReferenceData ref, Consumer<String> progress) {
    this.ref = ref;
    this.progress = progress;
  }

  /** The file (XLSX) or folder (CSV) name of a submission, as the contract names it. */
  public static String submissionName(String kov, Quarter quarter, SubmissionFormat format) {
    String base = "ISTE_" + kov + "_" + quarter;
    return format == SubmissionFormat.XLSX ? base + ".xlsx" : base;
  }

  /** Generates every submission of the config into its output folder. */
  public GenerationSummary generate(GeneratorConfig cfg) throws IOException {
    List<Quarter> quarters = cfg.quarters();
    LocalDate from = quarters.get(0).firstDay();
    LocalDate to = quarters.get(quarters.size() - 1).lastDay();
    Catalog catalog = new Catalog(ref, from);
    if (catalog.instrumentItems != 8) {
      throw new IllegalStateException(
          "the contract has 8 QoL items, the instrument has " + catalog.instrumentItems);
    }
    SyntheticMix mix = SyntheticMix.load(ref);
    List<ReferenceData.Allocation> allocations = ref.allocations(from);
    if (allocations.isEmpty()) {
      throw new IllegalArgumentException("no allocation of places is valid on " + from);
    }
    List<String> kovs =
        new ArrayList<>(
            new TreeSet<>(allocations.stream().flatMap(a -> a.kovCodes().stream()).toList()));
    KovWorld.CodeSpace codeSpace = new KovWorld.CodeSpace(kovs.size());
    Map<String, Integer> capacities = capacities(allocations, cfg.scale());
    List<Mover> movers = movers(cfg, kovs, capacities, codeSpace, mix, from, to);
    Files.createDirectories(cfg.outDir());

    Map<Quarter, QuarterTotals> perQuarter = new LinkedHashMap<>();
    quarters.forEach(q -> perQuarter.put(q, new QuarterTotals()));
    Map<ContractSheet, Long> rows = new EnumMap<>(ContractSheet.class);
    Map<DefectKind, Long> defects = new EnumMap<>(DefectKind.class);
    Set<Long> clients = new HashSet<>();
    int submissions = 0;
    for (ReferenceData.Allocation a : allocations) {
      double occupancy = Rng.derive(cfg.seed(), "occupancy", a.id()).uniform(0.75, 1.0);
      for (String kov : a.kovCodes()) {
        KovWorld world =
            KovWorld.simulate(
                kov,
                kovs.indexOf(kov),
                codeSpace,
                capacities.get(kov),
                occupancy,
                catalog,
                mix,
                cfg.seed(),
                from,
                to,
                movers);
        for (Person p : world.persons) {
          if (quarters.stream().anyMatch(q -> p.activeWithin(q.firstDay(), q.lastDay()))) {
            clients.add(Long.parseLong(p.code));
          }
        }
        for (Quarter q : quarters) {
          QuarterRows quarterRows = new QuarterRows(world, catalog, mix, cfg.seed(), q);
          Path target = cfg.outDir().resolve(submissionName(kov, q, cfg.format()));
          SubmissionSink sink =
              cfg.format() == SubmissionFormat.XLSX
                  ? new XlsxSubmissionWriter(
                      target, quarterRows.submittedOn().atTime(LocalTime.NOON))
                  : new CsvSubmissionWriter(target);
          DefectInjector injector =
              new DefectInjector(
                  sink, cfg.defectRate(), Rng.derive(cfg.seed(), "defects", kov, q), q, codeSpace);
          int openAtEnd;
          try (injector) {
            openAtEnd = quarterRows.write(injector);
          }
          submissions++;
          QuarterTotals t = perQuarter.get(q);
          t.submissions++;
          t.openAtEnd += openAtEnd;
          injector
              .rows()
              .forEach(
                  (k, v) -> {
                    if (k != ContractSheet.KAAS) {
                      t.rows.merge(k, v, Long::sum);
                      rows.merge(k, v, Long::sum);
                    }
                  });
          injector
              .defects()
              .forEach(
                  (k, v) -> {
                    t.defects += v;
                    defects.merge(k, v, Long::sum);
                  });
        }
        progress.accept(
            "KOV "
                + kov
                + ": "
                + world.persons.size()
                + " cases over the period, "
                + world.capacity
                + " places, profile "
                + world.profile.label());
      }
    }
    List<GenerationSummary.QuarterSummary> qs = new ArrayList<>();
    perQuarter.forEach(
        (q, t) ->
            qs.add(
                new GenerationSummary.QuarterSummary(
                    q, t.submissions, t.openAtEnd, t.rows, t.defects)));
    return new GenerationSummary(submissions, clients.size(), rows, defects, qs);
  }

  private static final class QuarterTotals {
    int submissions;
    long openAtEnd;
    long defects;
    final Map<ContractSheet, Long> rows = new EnumMap<>(ContractSheet.class);
  }

  /**
   * Places per KOV at the scale: a joint allocation's places are split evenly between its KOVs (the
   * first ones get the remainder); every KOV keeps at least one place.
   */
  static Map<String, Integer> capacities(List<ReferenceData.Allocation> allocations, double scale) {
    Map<String, Integer> out = new LinkedHashMap<>();
    for (ReferenceData.Allocation a : allocations) {
      int n = a.kovCodes().size();
      for (int i = 0; i < n; i++) {
        int share = a.places() / n + (i < a.places() % n ? 1 : 0);
        out.merge(a.kovCodes().get(i), Math.max(1, (int) Math.round(share * scale)), Integer::sum);
      }
    }
    return out;
  }

  /**
   * People who move from one KOV to another during the period (about 1.5% of the places), each
   * derived from the seed alone so that both KOVs' simulations agree on who they are.
   */
  private static List<Mover> movers(
      GeneratorConfig cfg,
      List<String> kovs,
      Map<String, Integer> capacities,
      KovWorld.CodeSpace codeSpace,
      SyntheticMix mix,
      LocalDate from,
      LocalDate to) {
    List<Mover> out = new ArrayList<>();
    long days = to.toEpochDay() - from.toEpochDay();
    if (days < 400 || kovs.size() < 2) {
      return out;
    }
    double[] weights = kovs.stream().mapToDouble(capacities::get).toArray();
    int total =
        (int) Math.round(0.015 * capacities.values().stream().mapToInt(Integer::intValue).sum());
    Set<Long> used = new HashSet<>();
    for (int j = 0; j < total; j++) {
      Rng r = Rng.derive(cfg.seed(), "mover", j);
      String a = kovs.get(r.weighted(weights));
      String b = kovs.get(r.weighted(weights));
      if (a.equals(b)) {
        continue;
      }
      LocalDate moved = r.date(from.plusDays(200), to.minusDays(60));
      LocalDate enterFrom = moved.minusDays(r.between(150, 400));
      if (!enterFrom.isAfter(from)) {
        enterFrom = from.plusDays(1);
      }
      LocalDate enterAfter = moved.plusDays(r.between(7, 45));
      PersonalCode.Sex sex = r.chance(0.5) ? PersonalCode.Sex.M : PersonalCode.Sex.N;
      LocalDate birth = enterFrom.minusYears(r.between(18, 60)).minusDays(r.between(0, 364));
      String code = null;
      for (int slot = j % codeSpace.slots(), tries = 0; tries < codeSpace.slots(); tries++) {
        String c =
            PersonalCode.build(
                birth,
                sex,
                codeSpace.serial(codeSpace.moverIndex(), (slot + tries) % codeSpace.slots()));
        if (used.add(Long.parseLong(c))) {
          code = c;
          break;
        }
      }
      if (code == null || moved.isBefore(enterFrom.plusDays(60))) {
        continue;
      }
      out.add(
          new Mover(
              j,
              code,
              birth,
              sex,
              mix.of("diagnosis").draw(r),
              a,
              b,
              enterFrom,
              moved,
              enterAfter));
    }
    return List.copyOf(out);
  }
}
