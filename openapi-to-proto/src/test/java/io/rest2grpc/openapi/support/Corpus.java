package io.rest2grpc.openapi.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The entry documents of {@code ../shared/corpus} (see its SOURCES.md): every file of small/,
 * medium/ and large/, both files of every evolution/ pair, and the multi-file entry points.
 * Read in place, never copied.
 */
public final class Corpus {
  private Corpus() {}

  private static final List<String> MULTIFILE_ENTRIES = List.of(
      "multifile/oai-petstore-separate/spec/swagger.yaml",
      "multifile/haal-centraal-brp/openapi.yaml",
      "multifile/haal-centraal-brp/openapi-v1.yaml",
      "multifile/haal-centraal-brp/resolved/openapi.yaml",
      "multifile/digitalocean/DigitalOcean-public.v2.yaml");

  public static List<Path> entryDocuments() {
    Path root = Tools.corpus();
    List<Path> specs = new ArrayList<>();
    for (String folder : List.of("small", "medium", "large", "evolution")) {
      try (Stream<Path> walk = Files.walk(root.resolve(folder))) {
        walk.filter(Files::isRegularFile)
            .filter(p -> p.toString().matches(".*\\.(ya?ml|json)$"))
            .sorted()
            .forEach(specs::add);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the corpus at " + root + " (it sits beside the repo, in ../shared/corpus)", e);
      }
    }
    MULTIFILE_ENTRIES.forEach(p -> specs.add(root.resolve(p)));
    return specs;
  }

  /** A short unique name: the path below the corpus root with / turned into _. */
  public static String nameOf(Path spec) {
    return Tools.corpus().relativize(spec).toString().replace('/', '_');
  }
}
