package io.rest2grpc.openapi.support;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * The third-party corpus (listed in corpus/manifest.tsv at the repo root): where it is, and what a
 * test that needs it does when it is not there. Its folder is the system property {@code corpus.dir},
 * set by surefire from the Maven property of the same name: {@code ../shared/corpus} beside the repo
 * unless the build is run with {@code -Dcorpus.dir=DIR}. Without it a corpus test is skipped by a
 * JUnit assumption ({@link CorpusSkipBanner} counts them at the end of the run), or fails when the
 * environment has {@code CI=true}, so CI never passes without the corpus. Both name the command that
 * fetches it. Read in place, never copied.
 */
public final class Corpus {
  private Corpus() {}

  /** How the message of a skipped or failed corpus test starts; {@link CorpusSkipBanner} counts on it. */
  static final String MISSING = "no corpus at ";

  private static final List<String> MULTIFILE_ENTRIES = List.of(
      "multifile/oai-petstore-separate/spec/swagger.yaml",
      "multifile/haal-centraal-brp/openapi.yaml",
      "multifile/haal-centraal-brp/openapi-v1.yaml",
      "multifile/haal-centraal-brp/resolved/openapi.yaml",
      "multifile/digitalocean/DigitalOcean-public.v2.yaml");

  /** The corpus folder; skips the calling test when there is none (fails it under CI=true). */
  public static Path root() {
    Path root = Path.of(Tools.required("corpus.dir")).toAbsolutePath().normalize();
    if (!Files.isDirectory(root)) {
      String message = MISSING + root + " (-Dcorpus.dir); fetch it with: " + Tools.required("corpus.fetch") + " " + root;
      if ("true".equals(System.getenv("CI"))) {
        fail(message + " (CI=true: a missing corpus fails the run)");
      }
      Assumptions.abort(message);
    }
    return root;
  }

  /** A file or folder of the corpus, by its path below the corpus root; skips as {@link #root()} does. */
  public static Path resolve(String path) {
    return root().resolve(path);
  }

  /**
   * The entry documents: every file of small/, medium/ and large/, both files of every evolution/
   * pair, and the multi-file entry points.
   */
  public static List<Path> entryDocuments() {
    Path root = root();
    List<Path> specs = new ArrayList<>();
    for (String folder : List.of("small", "medium", "large", "evolution")) {
      try (Stream<Path> walk = Files.walk(root.resolve(folder))) {
        walk.filter(Files::isRegularFile)
            .filter(p -> p.toString().matches(".*\\.(ya?ml|json)$"))
            .sorted()
            .forEach(specs::add);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + root.resolve(folder) + ": check the corpus with corpus/fetch.sh --verify " + root, e);
      }
    }
    MULTIFILE_ENTRIES.forEach(p -> specs.add(root.resolve(p)));
    return specs;
  }

  /** The folders of evolution/, one spec pair (v1 and v2) each. */
  public static List<Path> evolutionPairs() {
    Path evolution = resolve("evolution");
    try (Stream<Path> dirs = Files.list(evolution)) {
      return dirs.filter(Files::isDirectory).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + evolution, e);
    }
  }

  /** A short unique name: the path below the corpus root with / turned into _. */
  public static String nameOf(Path spec) {
    return root().relativize(spec).toString().replace('/', '_');
  }
}
