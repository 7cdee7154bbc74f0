package io.rest2grpc.openapi.naming;

import io.swagger.v3.oas.models.info.Info;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Derives the proto package from {@code info}: up to three words of the title (split at anything
 * that is not a letter or digit, so {@code OpenAI} stays one word), lower_snake_case,
 * without filler words (api, rest, openapi, the, spec…), then {@code v<major>} from
 * {@code info.version}. A version that is a date, or whose major is 0 or missing, gives {@code v1}.
 * {@code Swagger Petstore 1.0.7} → {@code swagger_petstore.v1}; {@code OpenAI API 2.3.0} →
 * {@code openai.v2}.
 */
public final class PackageNames {
  private PackageNames() {}

  private static final Set<String> FILLER = Set.of("api", "apis", "rest", "restful", "openapi", "swagger", "the", "spec",
      "specification", "http", "https", "web", "public", "service", "services", "definition", "of", "for", "and", "a", "an");
  private static final Pattern MAJOR = Pattern.compile("^\\D*?(\\d+)");

  public static String derive(Info info) {
    String title = info == null || info.getTitle() == null ? "" : info.getTitle();
    List<String> words = java.util.Arrays.stream(title.toLowerCase(Locale.ROOT).split("[^a-z0-9]+"))
        .filter(w -> !w.isEmpty())
        .filter(w -> !FILLER.contains(w) && !w.matches("v\\d+"))
        .limit(3)
        .toList();
    String name = words.isEmpty() ? "api" : String.join("_", words);
    if (Character.isDigit(name.charAt(0))) {
      name = "api_" + name;
    }
    return name + "." + version(info == null ? null : info.getVersion());
  }

  static String version(String version) {
    if (version == null) {
      return "v1";
    }
    Matcher m = MAJOR.matcher(version.trim());
    if (!m.find() || m.group(1).length() > 3) {
      return "v1";
    }
    int major = Integer.parseInt(m.group(1));
    return major == 0 ? "v1" : "v" + major;
  }

  /** Whether a user-given package is one buf accepts: lower_snake segments ending in a version. */
  public static boolean isValid(String pkg) {
    return pkg.matches("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*\\.v\\d+((alpha|beta)\\d*|test)?");
  }
}
