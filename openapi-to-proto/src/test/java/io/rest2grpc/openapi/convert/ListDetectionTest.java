package io.rest2grpc.openapi.convert;

import static org.assertj.core.api.Assertions.assertThat;

import io.rest2grpc.openapi.OpenApiToProto;
import io.rest2grpc.openapi.conversion.Conversion;
import io.rest2grpc.openapi.conversion.ConversionOptions;
import io.rest2grpc.openapi.report.Fact;
import io.rest2grpc.openapi.support.Corpus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * List detection measured, not asserted case by case: the converter's list operations and paging
 * styles against hand labels of every GET of five specs ({@code src/test/resources/paging/labels},
 * made by reading each operation). Prints precision and recall of "is a list" and the share of
 * correctly detected lists whose style matches; the issue's target is 95% for both.
 */
class ListDetectionTest {
  private static final Path LABELS = Path.of("src/test/resources/paging/labels");
  private static final double TARGET = 0.95;

  private record Label(boolean list, String style) {}

  @Test
  void precisionAndRecallAgainstHandLabels() {
    Map<String, Path> specs = new LinkedHashMap<>();
    specs.put("spotify", Corpus.resolve("medium/spotify.yml"));
    specs.put("box", Corpus.resolve("large/box.json"));
    specs.put("mastodon", Corpus.resolve("large/mastodon.json"));
    specs.put("twilio-api-v2010", Corpus.resolve("large/twilio-api-v2010.json"));
    specs.put("sample-legacy-app", Path.of("../sample-legacy-app/src/main/resources/openapi.yaml"));

    int truePositives = 0;
    int falsePositives = 0;
    int falseNegatives = 0;
    int styleMatches = 0;
    List<String> misses = new ArrayList<>();
    System.out.println("\nList detection against hand labels (GETs / labelled lists / detected / TP / FP / FN / style ok):");
    for (Map.Entry<String, Path> spec : specs.entrySet()) {
      Map<String, Label> labels = labels(spec.getKey());
      Map<String, String> detected = detected(OpenApiToProto.convert(spec.getValue(), ConversionOptions.defaults()));
      int tp = 0;
      int fp = 0;
      int fn = 0;
      int styles = 0;
      for (Map.Entry<String, Label> label : labels.entrySet()) {
        String style = detected.get(label.getKey());
        if (label.getValue().list() && style != null) {
          tp++;
          if (style.equals(label.getValue().style())) {
            styles++;
          } else {
            misses.add(spec.getKey() + " " + label.getKey() + ": style " + style + ", labelled " + label.getValue().style());
          }
        } else if (style != null) {
          fp++;
          misses.add(spec.getKey() + " " + label.getKey() + ": detected as a list (" + style + "), labelled not one");
        } else if (label.getValue().list()) {
          fn++;
          misses.add(spec.getKey() + " " + label.getKey() + ": a list (" + label.getValue().style() + ") not detected");
        }
      }
      System.out.printf("%-20s %4d %4d %4d %4d %4d %4d %4d%n", spec.getKey(), labels.size(),
          labels.values().stream().filter(Label::list).count(), detected.size(), tp, fp, fn, styles);
      truePositives += tp;
      falsePositives += fp;
      falseNegatives += fn;
      styleMatches += styles;
    }
    double precision = truePositives / (double) (truePositives + falsePositives);
    double recall = truePositives / (double) (truePositives + falseNegatives);
    double styleShare = styleMatches / (double) truePositives;
    System.out.printf("precision %.1f%%, recall %.1f%%, style of detected lists %.1f%%%n", 100 * precision, 100 * recall,
        100 * styleShare);
    misses.forEach(m -> System.out.println("  " + m));
    assertThat(precision).as("precision of list detection").isGreaterThanOrEqualTo(TARGET);
    assertThat(recall).as("recall of list detection").isGreaterThanOrEqualTo(TARGET);
  }

  /** "GET /path" → the detected style, from the paging facts of the conversion. */
  private static Map<String, String> detected(Conversion conversion) {
    Map<String, String> styles = new HashMap<>();
    conversion.facts().values().forEach(facts -> {
      if (facts.get(Fact.PAGING.key()) instanceof Map<?, ?> paging) {
        styles.put((String) paging.get("operation"), (String) paging.get("style"));
      }
    });
    return styles;
  }

  private static Map<String, Label> labels(String spec) {
    Map<String, Label> labels = new LinkedHashMap<>();
    try {
      List<String> lines = Files.readAllLines(LABELS.resolve(spec + ".tsv"), StandardCharsets.UTF_8);
      boolean header = true;
      for (String line : lines) {
        if (line.startsWith("#") || line.isBlank()) {
          continue;
        }
        if (header) {
          header = false;
          continue;
        }
        String[] cells = line.split("\t", -1);
        labels.put(cells[0] + " " + cells[1], new Label(cells[3].equals("yes"), cells[4]));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return labels;
  }
}
