package io.rest2grpc.maven.generate;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The contract as client teams take it: the project's protos (with their folders, as they import each
 * other) and the compiled descriptor set, in one zip attached to the build (classifier {@code protos}).
 * Entries in path order with a fixed time, so the same protos make the same bytes.
 */
public final class ProtoArchive {
  /** 1980-01-01, the earliest time a zip entry holds. */
  private static final FileTime FIXED = FileTime.fromMillis(315_532_800_000L);
  public static final String DESCRIPTOR_SET_ENTRY = "descriptor-set.binpb";

  private ProtoArchive() {}

  public static void write(Path protoFolder, Path descriptorSet, Path zip) throws IOException {
    List<Path> protos;
    try (Stream<Path> files = Files.walk(protoFolder)) {
      protos = files.filter(file -> file.getFileName().toString().endsWith(".proto")).sorted().toList();
    }
    Files.createDirectories(zip.getParent());
    try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream entries = new ZipOutputStream(out)) {
      for (Path proto : protos) {
        add(entries, protoFolder.relativize(proto).toString().replace('\\', '/'), proto);
      }
      add(entries, DESCRIPTOR_SET_ENTRY, descriptorSet);
    }
  }

  private static void add(ZipOutputStream zip, String name, Path file) throws IOException {
    ZipEntry entry = new ZipEntry(name);
    entry.setLastModifiedTime(FIXED);
    zip.putNextEntry(entry);
    Files.copy(file, zip);
    zip.closeEntry();
  }
}
