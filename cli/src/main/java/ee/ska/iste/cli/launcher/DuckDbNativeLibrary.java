package ee.ska.iste.cli.launcher;

import ee.ska.iste.core.files.OutputFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.zip.CRC32;
import java.util.zip.CheckedOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Unpacks DuckDB's native library once, when the project is built, for the launcher's light verbs.
 *
 * <p>The DuckDB JDBC jar carries its native library for four platforms (71 MB for Linux x86-64)
 * and, when it finds the library among its resources, copies it to a new temporary file at every
 * start before loading it (0.5–0.7 s of a cold {@code iste query}). When the library is not among
 * the class path's resources it loads it by name from {@code java.library.path} instead. So this
 * writes, into the launcher's folder:
 *
 * <ul>
 *   <li>{@code duckdb_jdbc-<version>.jar}: the jar without its native libraries (its classes and
 *       its service file, entries in their order);
 *   <li>{@code native/libduckdb_java.so} (the name {@link System#mapLibraryName} gives): this
 *       platform's library, checked against the jar entry's size and CRC-32 while written;
 *   <li>{@code native.properties}: the jar, the library, its size and SHA-256, which the launcher
 *       checks before it puts the folder on a class path (the size at every start).
 * </ul>
 *
 * Files are written as every output is (group-readable at most, under a temporary name, then
 * renamed). On a platform the jar has no library for, nothing is written and the launcher keeps the
 * original jar.
 */
public final class DuckDbNativeLibrary {
  /** The prefix of the jar's native library entries. */
  static final String ENTRY_PREFIX = "libduckdb_java.so_";

  /** The name {@code System.loadLibrary} is given by DuckDB's driver. */
  static final String LIBRARY = "duckdb_java";

  private DuckDbNativeLibrary() {}

  /**
   * @param args the folder holding {@code duckdb_jdbc-*.jar} (the command line's {@code lib}) and
   *     the folder to write to
   */
  public static void main(String[] args) {
    if (args.length != 2) {
      System.err.println("usage: DuckDbNativeLibrary LIB_DIR OUT_DIR");
      System.exit(2);
    }
    Path jar = findJar(Path.of(args[0]));
    String entry = entryName(System.getProperty("os.name"), System.getProperty("os.arch"));
    if (!unpack(jar, entry, Path.of(args[1]))) {
      System.err.println("no DuckDB native library " + entry + " in " + jar.getFileName());
    }
  }

  /** The one DuckDB JDBC jar in a folder. */
  static Path findJar(Path lib) {
    List<Path> found = new ArrayList<>();
    try (DirectoryStream<Path> s = Files.newDirectoryStream(lib, "duckdb_jdbc-*.jar")) {
      s.forEach(found::add);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + lib, e);
    }
    if (found.size() != 1) {
      throw new IllegalStateException("expected one duckdb_jdbc jar in " + lib + ": " + found);
    }
    return found.get(0);
  }

  /**
   * The jar entry of the library for an operating system and processor, as DuckDB's driver names it
   * ({@code libduckdb_java.so_linux_amd64}, {@code …_macos_arm64}, {@code …_windows_amd64}).
   */
  static String entryName(String osName, String osArch) {
    String os = osName.toLowerCase(Locale.ROOT).trim();
    if (os.startsWith("windows")) {
      os = "windows";
    } else if (os.startsWith("mac")) {
      os = "macos";
    } else if (os.startsWith("linux")) {
      os = "linux";
    }
    String arch = osArch.toLowerCase(Locale.ROOT).trim();
    arch =
        switch (arch) {
          case "x86_64", "amd64" -> "amd64";
          case "aarch64", "arm64" -> "arm64";
          default -> arch;
        };
    return ENTRY_PREFIX + os.replaceAll("[^a-z0-9_\\-.]", "") + "_" + arch;
  }

  /**
   * Writes the jar without its libraries, the library {@code entry} and the properties naming them
   * into {@code out}; false (and nothing written) when the jar has no such entry.
   */
  static boolean unpack(Path jar, String entry, Path out) {
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      ZipEntry library = zip.getEntry(entry);
      if (library == null) {
        return false;
      }
      OutputFiles.createFolders(out.resolve("native"));
      Path libraryFile = out.resolve("native").resolve(System.mapLibraryName(LIBRARY));
      String sha256 = writeLibrary(zip, library, libraryFile);
      Path lean = out.resolve(jar.getFileName());
      OutputFiles.writeAtomically(lean, o -> copyWithout(zip, o));
      String properties =
          "# written by the build (DuckDbNativeLibrary): DuckDB's jar without its native"
              + " libraries, and this platform's library\n"
              + "jar="
              + lean.getFileName()
              + "\nlibrary=native/"
              + libraryFile.getFileName()
              + "\nsize="
              + Files.size(libraryFile)
              + "\nsha256="
              + sha256
              + "\n";
      OutputFiles.writeAtomically(
          out.resolve("native.properties"),
          o -> o.write(properties.getBytes(StandardCharsets.UTF_8)));
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot unpack the DuckDB native library from " + jar, e);
    }
  }

  /** Writes one entry to {@code file}, checking its size and CRC-32; returns its SHA-256. */
  private static String writeLibrary(ZipFile zip, ZipEntry library, Path file) {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    OutputFiles.writeAtomically(
        file,
        o -> {
          CRC32 crc = new CRC32();
          long n;
          try (InputStream in = zip.getInputStream(library);
              OutputStream checked =
                  new CheckedOutputStream(new DigestOutputStream(nonClosing(o), sha), crc)) {
            n = in.transferTo(checked);
          }
          if (n != library.getSize() || crc.getValue() != library.getCrc()) {
            throw new IOException(
                "the library "
                    + library.getName()
                    + " does not match its jar entry (size "
                    + n
                    + " of "
                    + library.getSize()
                    + ", or its CRC-32)");
          }
        });
    return HexFormat.of().formatHex(sha.digest());
  }

  /** The jar's entries but the native libraries, in their order, with their times. */
  private static void copyWithout(ZipFile zip, OutputStream o) throws IOException {
    try (ZipOutputStream z = new ZipOutputStream(nonClosing(o))) {
      Enumeration<? extends ZipEntry> entries = zip.entries();
      while (entries.hasMoreElements()) {
        ZipEntry e = entries.nextElement();
        if (e.getName().startsWith(ENTRY_PREFIX)) {
          continue;
        }
        ZipEntry copy = new ZipEntry(e.getName());
        copy.setTime(e.getTime());
        z.putNextEntry(copy);
        if (!e.isDirectory()) {
          try (InputStream in = zip.getInputStream(e)) {
            in.transferTo(z);
          }
        }
        z.closeEntry();
      }
    }
  }

  // OutputFiles closes the stream it hands out itself
  private static OutputStream nonClosing(OutputStream o) {
    return new java.io.FilterOutputStream(o) {
      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
      }

      @Override
      public void close() throws IOException {
        flush();
      }
    };
  }
}
