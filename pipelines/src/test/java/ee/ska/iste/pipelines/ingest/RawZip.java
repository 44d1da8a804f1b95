package ee.ska.iste.pipelines.ingest;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Writes a zip entry by entry, as a hostile sender could: the same name twice, and an entry whose
 * deflated data is one flushed block repeated, so that a part of gigabytes costs a few megabytes of
 * disk and almost no time to write. Reads a workbook's entries back for rewriting.
 */
final class RawZip implements Closeable {
  private final OutputStream out;
  private final ByteArrayOutputStream central = new ByteArrayOutputStream();
  private long offset;
  private int entries;

  RawZip(Path file) throws IOException {
    this.out = new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
  }

  /** The entries of a zip in order, name to bytes (a later entry of the same name wins). */
  static Map<String, byte[]> read(Path zip) throws IOException {
    Map<String, byte[]> parts = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        parts.put(e.getName(), in.readAllBytes());
      }
    }
    return parts;
  }

  /** Writes {@code parts} as a zip (deflated). */
  static void write(Path file, Map<String, byte[]> parts) throws IOException {
    try (RawZip z = new RawZip(file)) {
      for (Map.Entry<String, byte[]> e : parts.entrySet()) {
        z.deflated(e.getKey(), e.getValue());
      }
    }
  }

  /** An entry holding {@code data}, deflated. */
  void deflated(String name, byte[] data) throws IOException {
    Deflater d = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
    d.setInput(data);
    d.finish();
    byte[] compressed = drain(d);
    d.end();
    CRC32 crc = new CRC32();
    crc.update(data);
    entry(name, crc.getValue(), compressed.length, data.length, List.of(compressed), 1);
  }

  /**
   * An entry holding {@code head}, then {@code block} {@code times} times, then {@code tail}; the
   * block is deflated once (after a full flush, so it refers to nothing before it) and its bytes
   * written {@code times} times. Returns the compressed size.
   */
  long repeated(String name, byte[] head, byte[] block, long times, byte[] tail)
      throws IOException {
    Deflater d = new Deflater(Deflater.BEST_COMPRESSION, true);
    byte[] h = deflate(d, head, Deflater.FULL_FLUSH);
    byte[] b = deflate(d, block, Deflater.FULL_FLUSH);
    d.setInput(tail);
    d.finish();
    byte[] t = drain(d);
    d.end();
    CRC32 crc = new CRC32();
    crc.update(head);
    for (long i = 0; i < times; i++) {
      crc.update(block);
    }
    crc.update(tail);
    long size = head.length + (long) block.length * times + tail.length;
    long compressed = h.length + (long) b.length * times + t.length;
    if (size > 0xFFFF_FFFFL || compressed > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException("no zip64 here");
    }
    writeHeader(name, crc.getValue(), compressed, size);
    out.write(h);
    for (long i = 0; i < times; i++) {
      out.write(b);
    }
    out.write(t);
    offset += compressed;
    return compressed;
  }

  private static byte[] deflate(Deflater d, byte[] data, int flush) {
    d.setInput(data);
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    byte[] buf = new byte[1 << 16];
    int n;
    do {
      n = d.deflate(buf, 0, buf.length, flush);
      o.write(buf, 0, n);
    } while (n == buf.length);
    return o.toByteArray();
  }

  private static byte[] drain(Deflater d) {
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    byte[] buf = new byte[1 << 16];
    while (!d.finished()) {
      o.write(buf, 0, d.deflate(buf));
    }
    return o.toByteArray();
  }

  private void entry(
      String name, long crc, long compressed, long size, List<byte[]> data, int times)
      throws IOException {
    writeHeader(name, crc, compressed, size);
    for (int i = 0; i < times; i++) {
      for (byte[] d : data) {
        out.write(d);
      }
    }
    offset += compressed;
  }

  private void writeHeader(String name, long crc, long compressed, long size) throws IOException {
    byte[] n = name.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream local = new ByteArrayOutputStream();
    int32(local, 0x04034b50);
    int16(local, 20);
    int16(local, 0x0800); // UTF-8 names
    int16(local, 8);
    int16(local, 0);
    int16(local, 0x21);
    int32(local, (int) crc);
    int32(local, (int) compressed);
    int32(local, (int) size);
    int16(local, n.length);
    int16(local, 0);
    local.write(n);
    int32(central, 0x02014b50);
    int16(central, 20);
    int16(central, 20);
    int16(central, 0x0800);
    int16(central, 8);
    int16(central, 0);
    int16(central, 0x21);
    int32(central, (int) crc);
    int32(central, (int) compressed);
    int32(central, (int) size);
    int16(central, n.length);
    int16(central, 0);
    int16(central, 0);
    int16(central, 0);
    int16(central, 0);
    int32(central, 0);
    int32(central, (int) offset);
    central.write(n);
    out.write(local.toByteArray());
    offset += local.size();
    entries++;
  }

  @Override
  public void close() throws IOException {
    long cdOffset = offset;
    byte[] cd = central.toByteArray();
    out.write(cd);
    ByteArrayOutputStream end = new ByteArrayOutputStream();
    int32(end, 0x06054b50);
    int16(end, 0);
    int16(end, 0);
    int16(end, entries);
    int16(end, entries);
    int32(end, cd.length);
    int32(end, (int) cdOffset);
    int16(end, 0);
    out.write(end.toByteArray());
    out.close();
  }

  private static void int16(ByteArrayOutputStream o, int v) {
    o.write(v & 0xFF);
    o.write((v >>> 8) & 0xFF);
  }

  private static void int32(ByteArrayOutputStream o, int v) {
    int16(o, v & 0xFFFF);
    int16(o, (v >>> 16) & 0xFFFF);
  }
}
