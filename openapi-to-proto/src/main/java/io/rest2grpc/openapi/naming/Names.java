package io.rest2grpc.openapi.naming;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns REST names into proto identifiers. The rules, stated once:
 *
 * <ul>
 *   <li>A name is split into words at every character that is not a letter or digit and at case
 *       changes ({@code amountCents}, {@code HTTPServer} → {@code HTTP Server}); a word is letters
 *       followed by digits ({@code v2010}).
 *   <li>Messages, enums, services, RPCs: PascalCase, each word capitalized and the rest lower-cased
 *       ({@code File--Base} → {@code FileBase}, {@code SMSMessage} → {@code SmsMessage}).
 *   <li>Fields and package segments: lower_snake_case. Enum values: UPPER_SNAKE_CASE.
 *   <li>A name that would start with a digit gets a prefix ({@code X} for types, {@code field_} for
 *       fields); leading {@code +}/{@code -} read as {@code plus}/{@code minus} (GitHub's
 *       {@code +1} and {@code -1} reactions).
 * </ul>
 */
public final class Names {
  private Names() {}

  private static final Set<String> FIELD_KEYWORDS = Set.of(
      // identifiers that protoc accepts but that break generated code in common languages
      "descriptor", "class", "default_instance", "serialized_size", "initialized");

  private static final Pattern COLLECTION_SEGMENT = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");

  public static List<String> words(String raw) {
    List<String> words = new ArrayList<>();
    eachWord(raw, (start, end) -> words.add(raw.substring(start, end)));
    return words;
  }

  /** The {@link #words} of {@code raw} in lower case, for comparing names word by word. */
  public static List<String> lowerWords(String raw) {
    return words(raw).stream().map(w -> w.toLowerCase(Locale.ROOT)).toList();
  }

  /** Receives a word as its range in the name: a word is a run of ASCII letters and digits, so it need not be copied. */
  private interface WordSink {
    void word(int start, int end);
  }

  private static void eachWord(String raw, WordSink sink) {
    int n = raw.length();
    int start = -1;
    for (int i = 0; i < n; i++) {
      char c = raw.charAt(i);
      if (!isAsciiLetterOrDigit(c)) {
        if (start >= 0) {
          sink.word(start, i);
          start = -1;
        }
        continue;
      }
      if (start < 0) {
        start = i;
        continue;
      }
      char prev = raw.charAt(i - 1);
      boolean boundary =
          (Character.isUpperCase(c) && (Character.isLowerCase(prev) || Character.isDigit(prev)))
              || (Character.isUpperCase(c) && Character.isUpperCase(prev)
                  && i + 1 < n && Character.isLowerCase(raw.charAt(i + 1)));
      if (boundary) {
        sink.word(start, i);
        start = i;
      }
    }
    if (start >= 0) {
      sink.word(start, n);
    }
  }

  private static boolean isAsciiLetterOrDigit(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }

  /** The words joined by '_', all upper- or all lower-case (ASCII, so no locale to mind). */
  private static String joined(String raw, boolean upper) {
    StringBuilder out = new StringBuilder(raw.length() + 4);
    eachWord(raw, (start, end) -> {
      if (!out.isEmpty()) {
        out.append('_');
      }
      for (int i = start; i < end; i++) {
        out.append(upper ? Character.toUpperCase(raw.charAt(i)) : Character.toLowerCase(raw.charAt(i)));
      }
    });
    return out.toString();
  }

  /** PascalCase type name; {@code fallback} when the name has no letters or digits. */
  public static String pascal(String raw, String fallback) {
    StringBuilder out = new StringBuilder(raw.length() + 1);
    eachWord(raw, (start, end) -> {
      out.append(Character.toUpperCase(raw.charAt(start)));
      for (int i = start + 1; i < end; i++) {
        out.append(Character.toLowerCase(raw.charAt(i)));
      }
    });
    if (out.isEmpty()) {
      return fallback;
    }
    return Character.isDigit(out.charAt(0)) ? "X" + out : out.toString();
  }

  /** lower_snake_case field name. */
  public static String snake(String raw) {
    String prefix = "";
    if (raw.startsWith("+")) {
      prefix = "plus_";
    } else if (raw.startsWith("-")) {
      prefix = "minus_";
    }
    String joined = joined(raw, false);
    if (joined.isEmpty()) {
      return prefix.isEmpty() ? "field" : prefix.substring(0, prefix.length() - 1);
    }
    String name = prefix + joined;
    if (Character.isDigit(name.charAt(0))) {
      name = "field_" + name;
    }
    return FIELD_KEYWORDS.contains(name) ? name + "_value" : name;
  }

  /** UPPER_SNAKE_CASE for enum values. */
  public static String upperSnake(String raw) {
    return joined(raw, true);
  }

  /**
   * The prefix buf's ENUM_VALUE_PREFIX rule expects for an enum name: its upper snake case, where a
   * new word starts at an upper-case letter that follows a lower-case one, or that is followed by a
   * lower-case one.
   */
  public static String enumValuePrefix(String enumName) {
    StringBuilder out = new StringBuilder();
    int n = enumName.length();
    for (int i = 0; i < n; i++) {
      char c = enumName.charAt(i);
      if (i > 0 && Character.isUpperCase(c) && out.charAt(out.length() - 1) != '_') {
        char prev = enumName.charAt(i - 1);
        boolean nextStartsLower = i < n - 1
            && !Character.isUpperCase(enumName.charAt(i + 1))
            && !Character.isDigit(enumName.charAt(i + 1));
        if (nextStartsLower || Character.isLowerCase(prev)) {
          out.append('_');
        }
      }
      out.append(c);
    }
    return out.toString().toUpperCase(Locale.ROOT) + "_";
  }

  /** The JSON name protoc derives for a field: underscores dropped, the letter after each upper-cased. */
  public static String defaultJsonName(String fieldName) {
    if (fieldName.indexOf('_') < 0) {
      return fieldName;
    }
    StringBuilder out = new StringBuilder();
    boolean upperNext = false;
    for (char c : fieldName.toCharArray()) {
      if (c == '_') {
        upperNext = true;
      } else if (upperNext) {
        out.append(Character.toUpperCase(c));
        upperNext = false;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** English singular of a plural name ({@code orders} → {@code order}, {@code people} → {@code person}); see {@link Inflector}. */
  public static String singular(String plural) {
    return Inflector.singular(plural);
  }

  /** Whether a path segment reads like a plural collection noun ({@code orders}, {@code line-items}). */
  public static boolean isCollection(String segment) {
    return COLLECTION_SEGMENT.matcher(segment).matches() && Inflector.isPlural(segment);
  }
}
