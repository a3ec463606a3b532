package com.saldo.deploy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.zip.GZIPInputStream;

/** Just enough of the tar format to read an image: entry names, sizes and contents. */
final class Tar {

  private static final int BLOCK = 512;

  /** The largest file: an AOT cache is 60 to 90 MiB. */
  private static final long CONTENT_MAX = 256L * 1024 * 1024;

  private Tar() {}

  /** Every regular file of the archive, with its content (read in full, so keep them small). */
  static Map<String, byte[]> read(InputStream in) throws IOException {
    Map<String, byte[]> files = new LinkedHashMap<>();
    walk(in, files::put);
    return files;
  }

  /** Calls {@code each} with every regular file's name and content. */
  static void walk(InputStream in, BiConsumer<String, byte[]> each) throws IOException {
    String longName = null;
    while (true) {
      byte[] header = in.readNBytes(BLOCK);
      if (header.length < BLOCK || isZero(header)) {
        return;
      }
      String name = text(header, 0, 100);
      String prefix = text(header, 345, 155);
      long size =
          Long.parseLong(
              text(header, 124, 12).trim().isEmpty() ? "0" : text(header, 124, 12).trim(), 8);
      char type = (char) header[156];
      if (size > CONTENT_MAX) {
        throw new IOException(name + " is larger than " + CONTENT_MAX + " bytes");
      }
      byte[] content = in.readNBytes((int) size);
      in.skipNBytes((BLOCK - size % BLOCK) % BLOCK);
      if (type == 'L') { // GNU long name: the next entry's name
        longName = new String(content, StandardCharsets.UTF_8).replace("\0", "");
        continue;
      }
      String full = longName != null ? longName : prefix.isEmpty() ? name : prefix + "/" + name;
      longName = null;
      if (type == '0' || type == '\0') {
        each.accept(full.startsWith("./") ? full.substring(2) : full, content);
      }
    }
  }

  /** The files of a layer, gzipped or not. */
  static Map<String, byte[]> layer(byte[] bytes) throws IOException {
    boolean gzip = bytes.length > 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b;
    try (InputStream in =
        gzip
            ? new GZIPInputStream(new ByteArrayInputStream(bytes))
            : new ByteArrayInputStream(bytes)) {
      return read(in);
    }
  }

  private static boolean isZero(byte[] block) {
    for (byte b : block) {
      if (b != 0) {
        return false;
      }
    }
    return true;
  }

  private static String text(byte[] header, int offset, int length) {
    int end = offset;
    while (end < offset + length && header[end] != 0) {
      end++;
    }
    return new String(header, offset, end - offset, StandardCharsets.US_ASCII);
  }
}
