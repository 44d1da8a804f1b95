package ee.ska.iste.cli.cluster;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * The jars a Spark application of ISTE needs: the application jar (the CLI's, holding {@code
 * ee.ska.iste.cli.Main}) and every jar of its class path (Spark and the other modules among them).
 * Spark puts only jars on an executor's class path ({@code <spark home>/jars/*}), so folders of
 * classes (a build's {@code target/classes}, as in the tests) are packed into jars first.
 *
 * @param appJar the jar holding the CLI's main class
 * @param jars the class path, the application jar included
 */
public record SparkJars(Path appJar, List<Path> jars) {
  private static final String MAIN_CLASS = "ee/ska/iste/cli/Main.class";

  /** Test libraries that a Spark JVM never needs. */
  private static final List<String> TEST_ONLY =
      List.of("junit-", "opentest4j-", "apiguardian-", "wiremock-", "surefire", "junit5-");

  public SparkJars {
    jars = List.copyOf(jars);
    if (!jars.contains(appJar)) {
      throw new IllegalArgumentException("the application jar " + appJar + " is not on the jars");
    }
  }

  /**
   * This JVM's class path as jars: jars as they are, each folder of classes packed into {@code
   * scratch/<module>-classes.jar}, test classes and test libraries left out.
   */
  public static SparkJars ofThisJvm(Path scratch) {
    List<Path> jars = new ArrayList<>();
    Path app = null;
    try {
      Files.createDirectories(scratch);
      for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
        if (entry.isEmpty()) {
          continue;
        }
        Path p = Path.of(entry).toAbsolutePath();
        String name = p.getFileName().toString();
        if (name.equals("test-classes") || TEST_ONLY.stream().anyMatch(name::startsWith)) {
          continue;
        }
        Path jar;
        if (Files.isDirectory(p)) {
          jar = scratch.resolve(moduleName(p) + "-classes.jar");
          pack(p, jar);
        } else if (name.endsWith(".jar") && Files.isRegularFile(p)) {
          jar = p;
        } else {
          continue;
        }
        if (!jars.contains(jar)) {
          jars.add(jar);
        }
        if (app == null && holdsMain(jar)) {
          app = jar;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (app == null) {
      throw new IllegalStateException("no jar on the class path holds " + MAIN_CLASS);
    }
    return new SparkJars(app, jars);
  }

  /** The class path for {@code java -cp}. */
  public String classPath() {
    return String.join(java.io.File.pathSeparator, jars.stream().map(Path::toString).toList());
  }

  private static String moduleName(Path classes) {
    Path target = classes.getParent();
    Path module = target == null ? null : target.getParent();
    return module == null ? classes.getFileName().toString() : module.getFileName().toString();
  }

  private static boolean holdsMain(Path jar) throws IOException {
    try (java.util.jar.JarFile f = new java.util.jar.JarFile(jar.toFile())) {
      return f.getEntry(MAIN_CLASS) != null;
    }
  }

  private static void pack(Path dir, Path jar) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(dir)) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    }
    try (OutputStream out = Files.newOutputStream(jar);
        JarOutputStream zip = new JarOutputStream(out)) {
      for (Path f : files) {
        String name = dir.relativize(f).toString().replace(java.io.File.separatorChar, '/');
        zip.putNextEntry(new JarEntry(name));
        Files.copy(f, zip);
        zip.closeEntry();
      }
    }
  }
}
