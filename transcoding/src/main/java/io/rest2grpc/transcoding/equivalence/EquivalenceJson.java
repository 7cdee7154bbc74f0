package io.rest2grpc.transcoding.equivalence;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A parsed JSON value, as small as the comparator needs: objects keep their members in document
 * order (so differences are listed in the order a reader sees them), numbers keep the text they
 * were written with (so a difference shows {@code 1e3}, not {@code 1E+3}).
 */
sealed interface EquivalenceJson {
  /** How a value is named in a difference: "string", "number", "object"… */
  String kind();

  record JsonObject(Map<String, EquivalenceJson> members) implements EquivalenceJson {
    public String kind() {
      return "object";
    }
  }

  record JsonArray(List<EquivalenceJson> elements) implements EquivalenceJson {
    public String kind() {
      return "array";
    }
  }

  record JsonString(String value) implements EquivalenceJson {
    public String kind() {
      return "string";
    }
  }

  record JsonNumber(String text, BigDecimal value) implements EquivalenceJson {
    JsonNumber(String text) {
      this(text, new BigDecimal(text));
    }

    public String kind() {
      return "number";
    }
  }

  record JsonBoolean(boolean value) implements EquivalenceJson {
    public String kind() {
      return "boolean";
    }
  }

  enum JsonNull implements EquivalenceJson {
    NULL;

    public String kind() {
      return "null";
    }
  }

  /** Compact JSON text of {@code value}, cut at {@code limit} characters with an ellipsis. */
  static String print(EquivalenceJson value, int limit) {
    StringBuilder out = new StringBuilder();
    print(value, out, limit);
    return out.length() > limit ? out.substring(0, limit) + "…" : out.toString();
  }

  private static void print(EquivalenceJson value, StringBuilder out, int limit) {
    if (out.length() > limit) {
      return; // the rest would be cut anyway
    }
    if (value instanceof JsonObject o) {
      out.append('{');
      String separator = "";
      for (Map.Entry<String, EquivalenceJson> member : o.members().entrySet()) {
        out.append(separator);
        quote(member.getKey(), out);
        out.append(':');
        print(member.getValue(), out, limit);
        separator = ",";
      }
      out.append('}');
    } else if (value instanceof JsonArray a) {
      out.append('[');
      String separator = "";
      for (EquivalenceJson element : a.elements()) {
        out.append(separator);
        print(element, out, limit);
        separator = ",";
      }
      out.append(']');
    } else if (value instanceof JsonString s) {
      quote(s.value(), out);
    } else if (value instanceof JsonNumber n) {
      out.append(n.text());
    } else if (value instanceof JsonBoolean b) {
      out.append(b.value());
    } else {
      out.append("null");
    }
  }

  private static void quote(String text, StringBuilder out) {
    out.append('"');
    JsonStringEncoder.getInstance().quoteAsString(text, out);
    out.append('"');
  }
}
