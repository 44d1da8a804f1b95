package ee.ska.iste.cli.launcher;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The build's unpacking of DuckDB's native library, on a small jar made here. */
class DuckDbNativeLibraryTest {
  @TempDir Path dir;

  @Test
  void entryNamesFollowTheDriversRule() {
    assertEquals("libduckdb_java.so_linux_amd64", DuckDbNativeLibrary.entryName("Linux", "amd64"));
    assertEquals(
        "libduckdb_java.so_linux_arm64", DuckDbNativeLibrary.entryName("Linux", "aarch64"));
    assertEquals(
        "libduckdb_java.so_macos_arm64", DuckDbNativeLibrary.entryName("Mac OS X", "aarch64"));
    assertEquals(
        "libduckdb_java.so_windows_amd64", DuckDbNativeLibrary.entryName("Windows 11", "x86_64"));
  }

  @Test
  void writesTheJarWithoutLibrariesAndThisPlatformsLibraryWithItsChecksum() throws IOException {
    Path lib = Files.createDirectories(dir.resolve("lib"));
    Path jar = lib.resolve("duckdb_jdbc-9.9.jar");
    writeJar(
        jar,
        "META-INF/MANIFEST.MF",
        "Manifest-Version: 1.0\n",
        "META-INF/services/java.sql.Driver",
        "org.duckdb.DuckDBDriver\n",
        "libduckdb_java.so_linux_amd64",
        "abc",
        "org/duckdb/DuckDBDriver.class",
        "not really a class",
        "libduckdb_java.so_macos_arm64",
        "another platform");
    Path out = dir.resolve("launcher/duckdb");

    assertEquals(jar, DuckDbNativeLibrary.findJar(lib));
    assertTrue(DuckDbNativeLibrary.unpack(jar, "libduckdb_java.so_linux_amd64", out));

    Path library = out.resolve("native").resolve(System.mapLibraryName("duckdb_java"));
    assertArrayEquals("abc".getBytes(StandardCharsets.US_ASCII), Files.readAllBytes(library));
    assertEquals(
        "rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(library)));
    try (ZipFile lean = new ZipFile(out.resolve("duckdb_jdbc-9.9.jar").toFile())) {
      List<String> names = new ArrayList<>();
      Collections.list(lean.entries()).forEach(e -> names.add(e.getName()));
      assertEquals(
          List.of(
              "META-INF/MANIFEST.MF",
              "META-INF/services/java.sql.Driver",
              "org/duckdb/DuckDBDriver.class"),
          names);
      assertEquals(
          "org.duckdb.DuckDBDriver\n",
          new String(
              lean.getInputStream(lean.getEntry("META-INF/services/java.sql.Driver"))
                  .readAllBytes(),
              StandardCharsets.UTF_8));
    }
    Properties p = new Properties();
    try (var in = Files.newInputStream(out.resolve("native.properties"))) {
      p.load(in);
    }
    assertEquals("duckdb_jdbc-9.9.jar", p.getProperty("jar"));
    assertEquals("native/" + library.getFileName(), p.getProperty("library"));
    assertEquals("3", p.getProperty("size"));
    // SHA-256("abc"), the FIPS 180-2 example
    assertEquals(
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
        p.getProperty("sha256"));
  }

  @Test
  void aJarWithoutThisPlatformsLibraryWritesNothing() throws IOException {
    Path jar = dir.resolve("duckdb_jdbc-9.9.jar");
    writeJar(jar, "libduckdb_java.so_macos_arm64", "another platform");
    Path out = dir.resolve("out");
    assertFalse(DuckDbNativeLibrary.unpack(jar, "libduckdb_java.so_linux_amd64", out));
    assertFalse(Files.exists(out));
  }

  @Test
  void theFolderMustHoldExactlyOneDriverJar() throws IOException {
    Path lib = Files.createDirectories(dir.resolve("lib"));
    assertThrows(IllegalStateException.class, () -> DuckDbNativeLibrary.findJar(lib));
    writeJar(lib.resolve("duckdb_jdbc-1.jar"), "a", "a");
    writeJar(lib.resolve("duckdb_jdbc-2.jar"), "a", "a");
    assertThrows(IllegalStateException.class, () -> DuckDbNativeLibrary.findJar(lib));
  }

  private static void writeJar(Path jar, String... namesAndContents) throws IOException {
    try (OutputStream o = Files.newOutputStream(jar);
        ZipOutputStream z = new ZipOutputStream(o)) {
      for (int i = 0; i < namesAndContents.length; i += 2) {
        z.putNextEntry(new ZipEntry(namesAndContents[i]));
        z.write(namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
        z.closeEntry();
      }
    }
  }
}
