package io.rest2grpc.openapi.naming;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * English singulars and plurals of the nouns APIs use. Only the last word of a name changes, and the
 * case of its first letter is kept ({@code LineItems} → {@code LineItem}, {@code people} → {@code
 * person}); a name whose last word is not plural is returned as it is.
 *
 * <p>Written here rather than taken from a library: evo-inflector only pluralises, and the converter
 * mostly singularises (collection segments and array items to resource nouns). The rules, in order:
 * invariant nouns ({@code series}, {@code news}, {@code metadata}); irregular nouns
 * ({@code person/people}, {@code index/indices}, {@code analysis/analyses}, {@code leaf/leaves});
 * {@code -ies/-y} except nouns in {@code -ie}; {@code -sses}, {@code -xes}, {@code -ches}, {@code -shes},
 * {@code -zzes}, {@code -uses} drop {@code es}; other {@code -s} drops {@code s}, except words that are
 * singular as written ({@code -ss}, {@code -us}, {@code -is}).
 */
public final class Inflector {
  private Inflector() {}

  private static final Set<String> INVARIANT = Set.of(
      "series", "species", "news", "data", "metadata", "information", "info", "equipment", "feedback",
      "sheep", "fish", "deer", "aircraft", "media", "analytics", "software", "hardware", "firmware");

  private static final Map<String, String> PLURAL_TO_SINGULAR = new HashMap<>();
  private static final Map<String, String> SINGULAR_TO_PLURAL = new HashMap<>();

  static {
    List<String> irregular = List.of(
        "person people", "child children", "man men", "woman women", "mouse mice", "goose geese",
        "tooth teeth", "foot feet", "ox oxen", "index indices", "matrix matrices", "vertex vertices",
        "appendix appendices", "analysis analyses", "crisis crises", "thesis theses",
        "diagnosis diagnoses", "hypothesis hypotheses", "axis axes", "criterion criteria",
        "phenomenon phenomena", "quiz quizzes", "hero heroes", "potato potatoes", "echo echoes",
        "veto vetoes", "leaf leaves", "shelf shelves", "half halves", "wolf wolves", "life lives",
        "wife wives", "knife knives", "self selves", "thief thieves", "calf calves", "loaf loaves",
        // singulars in -s: without these they would lose their s
        "alias aliases", "canvas canvases", "gas gases", "bias biases", "atlas atlases", "lens lenses",
        // -ches, -uses and -ies plurals of nouns in -e: without these they would lose their e
        "cache caches", "niche niches", "avalanche avalanches", "headache headaches", "cliche cliches",
        "cause causes", "clause clauses", "pause pauses", "use uses", "abuse abuses", "excuse excuses",
        "fuse fuses", "house houses", "spouse spouses", "blouse blouses", "muse muses",
        "movie movies", "cookie cookies", "tie ties", "pie pies", "lie lies", "zombie zombies",
        "rookie rookies", "selfie selfies", "hoodie hoodies", "calorie calories", "genie genies");
    for (String pair : irregular) {
      String[] p = pair.split(" ");
      PLURAL_TO_SINGULAR.put(p[1], p[0]);
      SINGULAR_TO_PLURAL.put(p[0], p[1]);
    }
  }

  /** The singular of {@code name}'s last word; {@code name} itself when that word is not plural. */
  public static String singular(String name) {
    int start = lastWordStart(name);
    String word = name.substring(start).toLowerCase(Locale.ROOT);
    if (word.isEmpty() || INVARIANT.contains(word) || SINGULAR_TO_PLURAL.containsKey(word) && !PLURAL_TO_SINGULAR.containsKey(word)) {
      return name;
    }
    String irregular = PLURAL_TO_SINGULAR.get(word);
    if (irregular != null) {
      return replaceLastWord(name, start, irregular);
    }
    if (word.endsWith("ies") && word.length() > 4) {
      return name.substring(0, name.length() - 3) + "y";
    }
    if (word.endsWith("yses")) {
      return name.substring(0, name.length() - 2) + "is";
    }
    for (String suffix : List.of("sses", "xes", "ches", "shes", "zzes", "uses")) {
      if (word.endsWith(suffix)) {
        return name.substring(0, name.length() - 2);
      }
    }
    if (word.endsWith("s") && !word.endsWith("ss") && !word.endsWith("us") && !word.endsWith("is") && word.length() > 2) {
      return name.substring(0, name.length() - 1);
    }
    return name;
  }

  /** The plural of {@code name}'s last word, read as a singular noun. */
  public static String plural(String name) {
    int start = lastWordStart(name);
    String word = name.substring(start).toLowerCase(Locale.ROOT);
    if (word.isEmpty() || INVARIANT.contains(word) || PLURAL_TO_SINGULAR.containsKey(word) && !SINGULAR_TO_PLURAL.containsKey(word)) {
      return name;
    }
    String irregular = SINGULAR_TO_PLURAL.get(word);
    if (irregular != null) {
      return replaceLastWord(name, start, irregular);
    }
    if (word.endsWith("y") && word.length() > 1 && !isVowel(word.charAt(word.length() - 2))) {
      return name.substring(0, name.length() - 1) + "ies";
    }
    if (word.endsWith("is")) {
      return name.substring(0, name.length() - 2) + "es";
    }
    for (String suffix : List.of("s", "x", "ch", "sh", "zz")) {
      if (word.endsWith(suffix)) {
        return name + "es";
      }
    }
    return name + "s";
  }

  /** Whether {@code name}'s last word reads as a plural noun: it changes when singularised, or is an invariant plural. */
  public static boolean isPlural(String name) {
    String word = name.substring(lastWordStart(name)).toLowerCase(Locale.ROOT);
    return !word.isEmpty() && (INVARIANT.contains(word) && !word.equals("info") || !singular(name).equals(name));
  }

  private static boolean isVowel(char c) {
    return "aeiou".indexOf(c) >= 0;
  }

  /** Where the last word starts: after the last non-letter, or at the last upper-case letter after a lower-case one. */
  private static int lastWordStart(String name) {
    int i = name.length();
    while (i > 0 && Character.isLetter(name.charAt(i - 1))) {
      i--;
      if (Character.isUpperCase(name.charAt(i)) && i > 0 && Character.isLowerCase(name.charAt(i - 1))) {
        return i;
      }
    }
    return i;
  }

  private static String replaceLastWord(String name, int start, String lowerReplacement) {
    boolean upper = Character.isUpperCase(name.charAt(start));
    String word = upper ? Character.toUpperCase(lowerReplacement.charAt(0)) + lowerReplacement.substring(1) : lowerReplacement;
    return name.substring(0, start) + word;
  }
}
