package ee.ska.iste.disclosure;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * What the search ({@link Suppression}) and the audit ({@link Auditor}) found for one quarter's
 * model, kept under a digest of everything they depend on: a quarter whose figures did not change
 * since the last run is not searched or audited again, and gets the same result it would get if it
 * were (both are deterministic).
 *
 * <p>The digest covers the model as the search and the audit see it: every figure (level, unit,
 * measure, kind, count of cases for the search, numerator and denominator to the last bit, the
 * figure's protection rule), every identity with its coefficients, the thresholds and identity
 * templates of the rules, and the code that judges them (the bytes of this module and of the
 * linear-programming library: a rebuilt program searches again). The audit's key adds which figures
 * are hidden and which of them by the primary rule.
 *
 * <p>Entries are files named {@code <quarter>-<kind>-<digest>}; only a passed audit is kept, so a
 * key found means "passed". {@link #prune} removes a quarter's entries this memo did not use.
 */
public final class Memo {
  /**
   * Where entries live: read by name, written whole (a reader sees an entry whole or not at all).
   */
  public interface Store {
    Optional<String> read(String name);

    void write(String name, String text);

    /** Every entry's name. */
    List<String> names();

    void delete(String name);
  }

  /** The memo's folder in a work area, beside its layers: kept from run to run, never published. */
  public static final String WORK_AREA_FOLDER = "memo/disclosure";

  private static final String SUPPRESSION = "suppression";
  private static final String AUDIT = "audit";
  private static final String FORMAT = "iste-disclosure-memo 1";

  private final Store store;
  private final Set<String> used = ConcurrentHashMap.newKeySet();
  private final java.util.concurrent.atomic.AtomicInteger hits =
      new java.util.concurrent.atomic.AtomicInteger();
  private final Set<String> reused = new java.util.concurrent.ConcurrentSkipListSet<>();

  public Memo(Store store) {
    this.store = store;
  }

  /** A memo that keeps nothing: every quarter is searched and audited. */
  public static Memo none() {
    return new Memo(
        new Store() {
          @Override
          public Optional<String> read(String name) {
            return Optional.empty();
          }

          @Override
          public void write(String name, String text) {}

          @Override
          public List<String> names() {
            return List.of();
          }

          @Override
          public void delete(String name) {}
        });
  }

  /** A memo kept as files in a folder (created when the first entry is written). */
  public static Memo in(Path folder) {
    return new Memo(new FolderStore(folder));
  }

  /** How many results this memo gave instead of computing them. */
  public int hits() {
    return hits.get();
  }

  /** The quarters whose search this memo gave instead of a new search, in order. */
  public List<String> reusedSearches() {
    return List.copyOf(reused);
  }

  /**
   * The quarter's suppression ({@link Suppression#apply}), from the memo when the same model was
   * searched before; a result computed here is kept, and when its audit passed, so is the audit's
   * verdict for the figures it hides (the publish gate then finds it).
   */
  public Suppression.Result suppress(String quarter, OutsiderModel model) {
    String name = quarter + "-" + SUPPRESSION + "-" + digest(model, true, null, null);
    used.add(name);
    Optional<Suppression.Result> kept = store.read(name).flatMap(t -> decode(t, model));
    if (kept.isPresent()) {
      hits.incrementAndGet();
      reused.add(quarter);
      recordPassed(quarter, model, kept.get());
      return kept.get();
    }
    Suppression.Result r = new Suppression(model).apply();
    store.write(name, encode(r));
    recordPassed(quarter, model, r);
    return r;
  }

  private void recordPassed(String quarter, OutsiderModel model, Suppression.Result r) {
    if (!r.passed()) {
      return;
    }
    boolean[] hidden = new boolean[r.reasons().length];
    boolean[] primary = new boolean[hidden.length];
    for (int i = 0; i < hidden.length; i++) {
      hidden[i] = r.reasons()[i] != null;
      primary[i] = r.reasons()[i] == Suppression.Reason.PRIMARY;
    }
    passed(quarter, model, hidden, primary);
  }

  /** True when an audit of exactly this model and these hidden figures passed before. */
  public boolean hasPassed(
      String quarter, OutsiderModel model, boolean[] hidden, boolean[] primary) {
    String name = auditName(quarter, model, hidden, primary);
    used.add(name);
    boolean found = store.read(name).map(FORMAT::equals).orElse(false);
    if (found) {
      hits.incrementAndGet();
    }
    return found;
  }

  /** Keeps that the audit of this model and these hidden figures passed. */
  public void passed(String quarter, OutsiderModel model, boolean[] hidden, boolean[] primary) {
    String name = auditName(quarter, model, hidden, primary);
    used.add(name);
    store.write(name, FORMAT);
  }

  /** Removes the entries of these quarters that this memo neither read nor wrote. */
  public void prune(Iterable<String> quarters) {
    Set<String> prefixes = new TreeSet<>();
    quarters.forEach(q -> prefixes.add(q + "-"));
    for (String name : store.names()) {
      if (!used.contains(name) && prefixes.stream().anyMatch(name::startsWith)) {
        store.delete(name);
      }
    }
  }

  private static String auditName(
      String quarter, OutsiderModel model, boolean[] hidden, boolean[] primary) {
    return quarter + "-" + AUDIT + "-" + digest(model, false, hidden, primary);
  }

  /** The digest of the model (with each figure's count of cases when the search is keyed). */
  static String digest(
      OutsiderModel model, boolean withCases, boolean[] hidden, boolean[] primary) {
    MessageDigest md = sha256();
    StringBuilder b = new StringBuilder(1 << 16);
    b.append(FORMAT).append('\n').append(Code.DIGEST).append('\n');
    DisclosureRules r = model.disclosure();
    b.append(r.min())
        .append(' ')
        .append(r.countWidth())
        .append(' ')
        .append(r.sumMargin())
        .append('\n')
        .append(new TreeMap<>(r.measures()))
        .append('\n')
        .append(r.identities())
        .append('\n')
        .append(r.perAllocation())
        .append('\n')
        .append(new TreeSet<>(r.countyAndAbove()))
        .append('\n');
    List<Figure> figures = model.figures();
    for (int i = 0; i < figures.size(); i++) {
      Figure f = figures.get(i);
      b.append(f.level())
          .append('|')
          .append(f.unit())
          .append('|')
          .append(f.measure())
          .append('|')
          .append(f.kind())
          .append('|')
          .append(withCases ? f.n() : 0)
          .append('|')
          .append(bits(f.numerator()))
          .append('|')
          .append(bits(f.denominator()))
          .append('|')
          .append(model.rule(i));
      if (hidden != null) {
        b.append('|').append(hidden[i] ? 'H' : '-').append(primary[i] ? 'P' : '-');
      }
      b.append('\n');
      flush(md, b);
    }
    for (Identity id : model.identities()) {
      b.append(id.name()).append('|').append(Arrays.toString(id.quantities())).append('|');
      for (double c : id.coefficients()) {
        b.append(bits(c)).append(',');
      }
      b.append('\n');
      flush(md, b);
    }
    md.update(b.toString().getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(md.digest());
  }

  private static void flush(MessageDigest md, StringBuilder b) {
    if (b.length() > 1 << 15) {
      md.update(b.toString().getBytes(StandardCharsets.UTF_8));
      b.setLength(0);
    }
  }

  private static String bits(double v) {
    return Long.toHexString(Double.doubleToLongBits(v));
  }

  /** The result as text: the reasons (P, S or -), then one line per check. */
  static String encode(Suppression.Result r) {
    StringBuilder b = new StringBuilder();
    b.append(FORMAT).append('\n').append(r.reasons().length).append('\n');
    for (Suppression.Reason x : r.reasons()) {
      b.append(x == null ? '-' : x == Suppression.Reason.PRIMARY ? 'P' : 'S');
    }
    b.append('\n');
    for (Auditor.Check c : r.audit()) {
      b.append(c.figure())
          .append(' ')
          .append(c.field())
          .append(' ')
          .append(c.protection())
          .append(' ')
          .append(bits(c.value()))
          .append(' ')
          .append(bits(c.low()))
          .append(' ')
          .append(bits(c.high()))
          .append(' ')
          .append(c.required())
          .append(' ')
          .append(c.pass())
          .append('\n');
    }
    return b.toString();
  }

  /** The result kept, or empty when the text is not a whole entry for this model. */
  static Optional<Suppression.Result> decode(String text, OutsiderModel model) {
    try {
      String[] lines = text.split("\n", -1);
      int n = Integer.parseInt(lines[1]);
      if (!lines[0].equals(FORMAT) || n != model.figures().size() || lines[2].length() != n) {
        return Optional.empty();
      }
      Suppression.Reason[] reasons = new Suppression.Reason[n];
      for (int i = 0; i < n; i++) {
        char c = lines[2].charAt(i);
        reasons[i] =
            c == 'P' ? Suppression.Reason.PRIMARY : c == 'S' ? Suppression.Reason.SECONDARY : null;
      }
      List<Auditor.Check> checks = new ArrayList<>();
      for (int i = 3; i < lines.length; i++) {
        if (lines[i].isEmpty()) {
          continue;
        }
        String[] p = lines[i].split(" ");
        checks.add(
            new Auditor.Check(
                Integer.parseInt(p[0]),
                Field.valueOf(p[1]),
                Protection.valueOf(p[2]),
                unbits(p[3]),
                unbits(p[4]),
                unbits(p[5]),
                Boolean.parseBoolean(p[6]),
                Boolean.parseBoolean(p[7])));
      }
      return Optional.of(new Suppression.Result(reasons, List.copyOf(checks)));
    } catch (RuntimeException e) {
      return Optional.empty(); // a damaged entry: searched again
    }
  }

  private static double unbits(String hex) {
    return Double.longBitsToDouble(Long.parseUnsignedLong(hex, 16));
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The digest of the code that judges: this module's and the solver's class files. */
  static final class Code {
    static final String DIGEST = compute();

    private Code() {}

    private static String compute() {
      MessageDigest md = sha256();
      for (Class<?> c : List.of(Memo.class, org.ojalgo.optimisation.ExpressionsBasedModel.class)) {
        Optional<Path> where = location(c);
        if (where.isEmpty()) {
          // nothing to tell one build from another: never the same key twice
          return "unknown-" + UUID.randomUUID();
        }
        try {
          hashTree(md, where.get());
        } catch (IOException e) {
          return "unknown-" + UUID.randomUUID();
        }
      }
      return HexFormat.of().formatHex(md.digest());
    }

    private static Optional<Path> location(Class<?> c) {
      CodeSource cs = c.getProtectionDomain().getCodeSource();
      if (cs == null || cs.getLocation() == null) {
        return Optional.empty();
      }
      try {
        return Optional.of(Path.of(cs.getLocation().toURI()));
      } catch (URISyntaxException | IllegalArgumentException e) {
        return Optional.empty();
      }
    }

    private static void hashTree(MessageDigest md, Path p) throws IOException {
      if (Files.isRegularFile(p)) {
        hashFile(md, p);
        return;
      }
      List<Path> files;
      try (Stream<Path> s = Files.walk(p)) {
        files = s.filter(Files::isRegularFile).sorted().toList();
      }
      for (Path f : files) {
        md.update(p.relativize(f).toString().getBytes(StandardCharsets.UTF_8));
        hashFile(md, f);
      }
    }

    private static void hashFile(MessageDigest md, Path f) throws IOException {
      byte[] buf = new byte[1 << 16];
      try (InputStream in = Files.newInputStream(f)) {
        for (int k; (k = in.read(buf)) > 0; ) {
          md.update(buf, 0, k);
        }
      }
    }
  }

  /** Entries as files of one folder, each written to a temporary name and moved into place. */
  private record FolderStore(Path folder) implements Store {
    @Override
    public Optional<String> read(String name) {
      try {
        return Optional.of(Files.readString(folder.resolve(name), StandardCharsets.UTF_8));
      } catch (NoSuchFileException e) {
        return Optional.empty();
      } catch (IOException e) {
        return Optional.empty(); // unreadable: computed again
      }
    }

    @Override
    public void write(String name, String text) {
      try {
        Files.createDirectories(folder);
        Path tmp = folder.resolve("." + name + "." + UUID.randomUUID() + ".tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(
            tmp,
            folder.resolve(name),
            StandardCopyOption.REPLACE_EXISTING,
            StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot keep the disclosure memo in " + folder, e);
      }
    }

    @Override
    public List<String> names() {
      if (!Files.isDirectory(folder)) {
        return List.of();
      }
      try (Stream<Path> s = Files.list(folder)) {
        return s.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).toList();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot list the disclosure memo in " + folder, e);
      }
    }

    @Override
    public void delete(String name) {
      try {
        Files.deleteIfExists(folder.resolve(name));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot prune the disclosure memo in " + folder, e);
      }
    }
  }
}
