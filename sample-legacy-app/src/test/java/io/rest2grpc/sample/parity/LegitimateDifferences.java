package io.rest2grpc.sample.parity;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The places where the two instances' answers may differ by design, listed once in
 * {@value #RESOURCE}, each with its reason. Nothing else is set aside. An entry is
 *
 * <pre>[id ]&lt;header NAME | body POINTER | details POINTER&gt;[ on METHOD][ within Ns] | reason</pre>
 *
 * where {@code *} in a pointer stands for exactly one segment (an array index, a map key);
 * {@code on} limits it to requests of one HTTP method; {@code within} allows only two timestamps at
 * most that far apart; and {@code id} marks an id each instance generates itself (random), which the
 * front learns from the answer and translates in later requests and answers.
 */
record LegitimateDifferences(List<Rule> rules) {
  static final String RESOURCE = "parity/legitimate-differences.txt";
  private static final Pattern ENTRY = Pattern.compile(
      "(id )?((?:header [\\w-]+|(?:body|details) /\\S*))(?: on ([A-Z]+))?(?: within (\\d+)s)?");

  /** One entry: as written, and what it allows. */
  record Rule(String entry, String reason, Pattern where, Optional<String> method, Optional<Duration> within, boolean id) {
    boolean allows(Difference difference, String requestMethod) {
      return where.matcher(difference.where()).matches() && method.map(requestMethod::equals).orElse(true)
          && within.map(limit -> closeInTime(difference, limit)).orElse(true);
    }

    private static boolean closeInTime(Difference difference, Duration limit) {
      try {
        Duration apart = Duration.between(time(difference.expected()), time(difference.actual())).abs();
        return apart.compareTo(limit) <= 0;
      } catch (DateTimeParseException e) {
        return false; // not two timestamps: a real difference
      }
    }

    private static OffsetDateTime time(String json) {
      return OffsetDateTime.parse(json.replace("\"", ""));
    }
  }

  static LegitimateDifferences read() throws IOException {
    try (InputStream in = LegitimateDifferences.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is not on the test classpath");
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  static LegitimateDifferences parse(String text) {
    List<Rule> rules = new ArrayList<>();
    for (String line : text.lines().toList()) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int bar = line.indexOf(" | ");
      Matcher entry = ENTRY.matcher(bar < 0 ? line : line.substring(0, bar).trim());
      if (bar < 0 || !entry.matches()) {
        throw new IllegalStateException(RESOURCE + ": '" + line
            + "' is not '[id ]<header NAME|body POINTER|details POINTER>[ on METHOD][ within Ns] | <reason>'");
      }
      rules.add(new Rule(line.substring(0, bar).trim(), line.substring(bar + 3).trim(), pattern(entry.group(2)),
          Optional.ofNullable(entry.group(3)), Optional.ofNullable(entry.group(4)).map(s -> Duration.ofSeconds(Long.parseLong(s))),
          entry.group(1) != null));
    }
    return new LegitimateDifferences(List.copyOf(rules));
  }

  /** The rule that allows {@code difference} in the answer to a request of {@code method}, if one does. */
  Optional<Rule> ruleFor(Difference difference, String method) {
    return rules.stream().filter(rule -> rule.allows(difference, method)).findFirst();
  }

  private static Pattern pattern(String where) {
    return Pattern.compile(Arrays.stream(where.split("\\*", -1)).map(Pattern::quote).collect(Collectors.joining("[^/]+")),
        Pattern.CASE_INSENSITIVE);
  }
}
