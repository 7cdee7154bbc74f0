package io.rest2grpc.openapi.support;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The golden files no input produces any more (left behind by a removed input, or by an output
 * file the converter no longer writes), which a golden test would otherwise never look at again.
 * A golden folder holds one folder per input, named after it, with that input's output files.
 */
public final class GoldenOrphans {
  private GoldenOrphans() {}

  /** Files under {@code golden} that are not {@code <input>/<file>} of {@code produced}, sorted. */
  public static List<Path> find(Path golden, Map<String, Set<String>> produced) {
    try (Stream<Path> walk = Files.walk(golden)) {
      return walk.filter(Files::isRegularFile)
          .map(golden::relativize)
          .filter(file -> !produced.getOrDefault(file.getName(0).toString(), Set.of())
              .contains(file.getNameCount() == 1 ? "" : file.subpath(1, file.getNameCount()).toString()))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + golden, e);
    }
  }

  /** Fails naming every orphan, or deletes them when {@code update} (the update flag the test names). */
  public static void check(Path golden, Map<String, Set<String>> produced, boolean update, String updateFlag) {
    List<Path> orphans = find(golden, produced);
    if (orphans.isEmpty()) {
      return;
    }
    if (!update) {
      fail("%d golden file(s) under %s that no input produces any more (delete them, or rerun with -D%s=true): %s",
          orphans.size(), golden, updateFlag, orphans);
    }
    for (Path orphan : orphans) {
      try {
        Files.delete(golden.resolve(orphan));
        for (Path parent = orphan.getParent(); parent != null && isEmpty(golden.resolve(parent)); parent = parent.getParent()) {
          Files.delete(golden.resolve(parent));
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot delete the orphan golden file " + golden.resolve(orphan), e);
      }
    }
  }

  private static boolean isEmpty(Path folder) throws IOException {
    try (Stream<Path> entries = Files.list(folder)) {
      return entries.findAny().isEmpty();
    }
  }
}
