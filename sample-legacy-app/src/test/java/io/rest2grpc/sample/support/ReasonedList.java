package io.rest2grpc.sample.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A checked-in list of known exceptions, each with its reason: lines {@code <kind> <key> | <reason>},
 * {@code #} comments. Read as the keys of each kind, with their reasons.
 */
public record ReasonedList(Map<String, Map<String, String>> byKind) {

  public static ReasonedList read(String resource, Set<String> kinds) throws IOException {
    Map<String, Map<String, String>> byKind = new TreeMap<>();
    kinds.forEach(kind -> byKind.put(kind, new TreeMap<>()));
    try (InputStream in = ReasonedList.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is not on the test classpath");
      }
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList()) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        int space = line.indexOf(' ');
        int bar = line.indexOf(" | ");
        if (space < 0 || bar < space || !kinds.contains(line.substring(0, space))) {
          throw new IllegalStateException(resource + ": '" + line + "' is not '<" + String.join("|", kinds) + "> <key> | <reason>'");
        }
        byKind.get(line.substring(0, space)).put(line.substring(space + 1, bar).trim(), line.substring(bar + 3).trim());
      }
    }
    return new ReasonedList(byKind);
  }

  /** The entries of {@code kind}: key → reason. */
  public Map<String, String> of(String kind) {
    return byKind.get(kind);
  }
}
