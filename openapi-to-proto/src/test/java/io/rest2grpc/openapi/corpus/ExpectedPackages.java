package io.rest2grpc.openapi.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * The checked-in list of the package each corpus spec converts to ({@code spec<TAB>package<TAB>why}),
 * reviewed by hand against the spec's servers, title, version and paths: the test of the package rule.
 */
record ExpectedPackages(Map<String, String> bySpec) {

  static ExpectedPackages read(Path file) {
    Map<String, String> bySpec = new TreeMap<>();
    try {
      for (String line : Files.readAllLines(file)) {
        if (!line.isBlank() && !line.startsWith("#")) {
          String[] columns = line.split("\t");
          bySpec.put(columns[0], columns[1]);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    return new ExpectedPackages(bySpec);
  }

  /** The listed package; a spec missing from the list fails with what to do. */
  String of(String spec) {
    String pkg = bySpec.get(spec);
    if (pkg == null) {
      throw new AssertionError(spec + " has no row in corpus-packages.tsv: review its servers, title and paths, and add the package"
          + " it should have with why");
    }
    return pkg;
  }
}
