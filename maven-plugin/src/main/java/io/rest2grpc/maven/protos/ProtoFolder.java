package io.rest2grpc.maven.protos;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The project's proto folder ({@code src/main/proto}): compared with a conversion, and replaced by one.
 * A spec owns the folders of its package; other files there (a team's own protos) are left alone unless
 * they look like the converter's output ({@code .proto} and {@code _config.json}).
 */
public final class ProtoFolder {
  private final Path root;

  public ProtoFolder(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  public Path root() {
    return root;
  }

  /** How the folder differs from {@code converted}, in path order; empty when they are the same. */
  public List<Drift> drift(ConvertedProtos converted) throws IOException {
    List<Drift> drift = new ArrayList<>();
    for (Map.Entry<String, byte[]> file : converted.files().entrySet()) {
      Path committed = root.resolve(file.getKey());
      if (!Files.isRegularFile(committed)) {
        drift.add(new Drift(file.getKey(), Drift.Kind.MISSING, "missing: the spec converts to it, the folder does not have it"));
      } else {
        String difference = firstDifference(Files.readAllBytes(committed), file.getValue());
        if (difference != null) {
          drift.add(new Drift(file.getKey(), Drift.Kind.CHANGED, difference));
        }
      }
    }
    for (String stale : stale(converted)) {
      drift.add(new Drift(stale, Drift.Kind.STALE, "stale: the spec no longer converts to it"));
    }
    drift.sort(Comparator.comparing(Drift::path));
    return drift;
  }

  /**
   * Writes {@code converted} into the folder and deletes its stale files. Every file is written to a
   * temporary sibling first and moved into place once all are written, so a failure leaves the folder
   * as it was.
   */
  public void replace(ConvertedProtos converted) throws IOException {
    Map<Path, Path> staged = new LinkedHashMap<>();
    try {
      for (Map.Entry<String, byte[]> file : converted.files().entrySet()) {
        Path target = root.resolve(file.getKey());
        Files.createDirectories(target.getParent());
        Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
        staged.put(temp, target);
        Files.write(temp, file.getValue());
      }
      for (Map.Entry<Path, Path> move : staged.entrySet()) {
        Files.move(move.getKey(), move.getValue(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      }
    } finally {
      for (Path temp : staged.keySet()) {
        Files.deleteIfExists(temp);
      }
    }
    for (String stale : stale(converted)) {
      Files.delete(root.resolve(stale));
    }
  }

  /** Converter-made files in the spec's package folders that the conversion no longer writes. */
  private List<String> stale(ConvertedProtos converted) throws IOException {
    List<String> stale = new ArrayList<>();
    for (String folder : converted.packageFolders()) {
      Path dir = root.resolve(folder);
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (Stream<Path> files = Files.list(dir)) {
        files.filter(Files::isRegularFile)
            .map(file -> folder + file.getFileName())
            .filter(path -> path.endsWith(".proto") || path.endsWith("_config.json"))
            .filter(path -> !converted.files().containsKey(path))
            .sorted()
            .forEach(stale::add);
      }
    }
    return stale;
  }

  /** The first line where the two differ, both sides quoted; null when equal. */
  private static String firstDifference(byte[] committed, byte[] converted) {
    if (Arrays.equals(committed, converted)) {
      return null;
    }
    String[] before = new String(committed, StandardCharsets.UTF_8).split("\n", -1);
    String[] after = new String(converted, StandardCharsets.UTF_8).split("\n", -1);
    int line = 0;
    while (line < before.length && line < after.length && before[line].equals(after[line])) {
      line++;
    }
    return "differs from line " + (line + 1) + ": committed " + quote(before, line) + ", the spec converts to " + quote(after, line);
  }

  private static String quote(String[] lines, int index) {
    return index < lines.length ? "\"" + lines[index].strip() + "\"" : "(end of file)";
  }
}
