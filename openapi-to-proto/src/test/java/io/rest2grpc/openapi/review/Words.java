package io.rest2grpc.openapi.review;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The checker's own word splitting (independent of the converter's): identifiers and operationIds
 * in lower-case words, and a crude singular used only to compare two words, so that the same
 * imperfection applies to both sides.
 */
final class Words {
  private Words() {}

  /**
   * {@code GetOrdersOrder} → [get, orders, order]; {@code orders/get-order} → [orders, get, order];
   * {@code listCoreV1APIResources} → [list, core, v1, api, resources]. Digits stay with the word they
   * follow.
   */
  static List<String> of(String identifier) {
    List<String> words = new ArrayList<>();
    for (String token : identifier.split("[^A-Za-z0-9]+")) {
      for (String word : token.split("(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")) {
        if (!word.isEmpty()) {
          words.add(word.toLowerCase(Locale.ROOT));
        }
      }
    }
    return words;
  }

  /** orders → order, policies → policy, statuses → status, boxes → box; status, class and analysis stay. */
  static String singular(String word) {
    if (word.length() > 4 && word.endsWith("ies")) {
      return word.substring(0, word.length() - 3) + "y";
    }
    if (word.matches(".*(ss|x|z|ch|sh|us)es")) {
      return word.substring(0, word.length() - 2);
    }
    if (word.length() > 2 && word.endsWith("s") && !word.matches(".*(ss|us|is)")) {
      return word.substring(0, word.length() - 1);
    }
    return word;
  }
}
