package io.rest2grpc.openapi.naming;

import com.google.common.net.InternetDomainName;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.servers.Server;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Derives the proto package {@code <org>[.<product>].<version>} from what identifies an API and stays
 * stable across its releases (module README, "Package"):
 *
 * <ul>
 *   <li><b>org</b>: the first label of the first server's registrable domain ({@code api.acme.com} →
 *       {@code acme}, {@code {region}.sentry.io} → {@code sentry}); a title word the label ends with
 *       wins ({@code getlago} with title "Lago API" → {@code lago}). Without a host that identifies the
 *       API (none, relative, localhost, an IP, a templated or placeholder host, a mock server) the
 *       org is up to three words of the title, without filler words and debris.
 *   <li><b>product</b>: a subdomain label or a base-path segment that the title names too
 *       ({@code messaging.twilio.com} with title "Twilio - Messaging" → {@code twilio.messaging}).
 *   <li><b>version</b>: the major of the first version segment of the server's path ({@code /v2},
 *       {@code /api/2}, {@code /api/v10}, {@code /v1beta1}), else the one more than half of the paths
 *       start with ({@code /v2/droplets}), else {@code v1}. A major of 0 is {@code v1} (buf refuses
 *       {@code v0}). {@code info.version} is the document's release number and is never read.
 * </ul>
 */
public final class PackageNames {
  private PackageNames() {}

  /** A package and the evidence it was derived from, for the names section of the report. */
  public record Derived(String name, String rule) {}

  private static final Set<String> FILLER = Set.of("api", "apis", "rest", "restful", "openapi", "swagger", "the", "spec",
      "specification", "http", "https", "web", "public", "service", "services", "definition", "of", "for", "and", "a", "an",
      "documentation", "docs", "doc", "reference", "www", "developer", "developers", "gateway");
  private static final Set<String> PLACEHOLDER_TLDS = Set.of("example", "test", "invalid", "local", "localhost", "internal");
  private static final Pattern VERSION = Pattern.compile("v?(\\d{1,3})(?:\\.\\d+)*|v(\\d{1,3})((?:alpha|beta)\\d*)");
  /** How many leading segments of an operation path are searched for its version ({@code /api/0/...}, {@code /apis/apps/v1/...}). */
  private static final int PATH_VERSION_DEPTH = 3;

  public static String derive(OpenAPI model) {
    return derived(model).name();
  }

  public static Derived derived(OpenAPI model) {
    String title = model.getInfo() == null || model.getInfo().getTitle() == null ? "" : model.getInfo().getTitle();
    List<String> titleWords = words(title);
    Server server = model.getServers() == null || model.getServers().isEmpty() ? null : model.getServers().get(0);
    Url url = server == null || server.getUrl() == null ? new Url(null, List.of()) : Url.parse(server.getUrl(), defaults(server));

    List<String> evidence = new ArrayList<>();
    String version = versionIn(url.pathSegments());
    if (version != null) {
      evidence.add("base path");
    } else {
      version = versionOfPaths(model.getPaths() == null ? List.of() : model.getPaths().keySet());
      if (version != null) {
        evidence.add("operation paths");
      }
    }
    String name;
    if (url.host() != null) {
      List<String> labels = List.of(url.host().split("\\."));
      String org = identifier(labels.get(0));
      for (String word : titleWords) {
        if (word.length() >= 3 && org.endsWith(word)) {
          org = word;
        }
      }
      List<String> candidates = new ArrayList<>();
      url.subdomains().forEach(label -> candidates.add(identifier(label)));
      url.pathSegments().forEach(segment -> candidates.add(identifier(segment)));
      String finalOrg = org;
      String product = candidates.stream().filter(c -> !c.equals(finalOrg) && titleWords.contains(c)).findFirst().orElse(null);
      name = product == null ? org : org + "." + product;
      evidence.add(0, "server host " + url.fullHost() + (product == null ? "" : " + product '" + product + "' named by the title"));
    } else {
      List<String> kept = titleWords.stream().limit(3).toList();
      name = kept.isEmpty() ? "api" : String.join("_", kept);
      if (Character.isDigit(name.charAt(0))) {
        name = "api_" + name;
      }
      evidence.add(0, "title");
    }
    return new Derived(name + "." + (version == null ? "v1" : version), String.join(" + ", evidence));
  }

  /** The words of a title: lower case, without filler, apostrophes ({@code Bob's} → {@code bobs}) and bracketed asides. */
  static List<String> words(String title) {
    String plain = title.toLowerCase(Locale.ROOT).replaceAll("\\([^)]*\\)|\\[[^]]*]", " ").replaceAll("['’`]", "");
    return Arrays.stream(plain.split("[^a-z0-9]+"))
        .filter(w -> !w.isEmpty())
        .filter(w -> !FILLER.contains(w) && !w.matches("v\\d+"))
        .toList();
  }

  /** The version of the first version segment, or null. */
  static String versionIn(List<String> segments) {
    for (String segment : segments) {
      Matcher m = VERSION.matcher(segment.toLowerCase(Locale.ROOT));
      if (m.matches()) {
        if (m.group(2) != null) {
          return "v" + Integer.parseInt(m.group(2)) + m.group(3);
        }
        int major = Integer.parseInt(m.group(1));
        return major == 0 ? "v1" : "v" + major;
      }
    }
    return null;
  }

  /** The version more than half of the paths start with (within their first segments), or null. */
  static String versionOfPaths(java.util.Collection<String> paths) {
    Map<String, Integer> counts = new HashMap<>();
    for (String path : paths) {
      List<String> leading = Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).limit(PATH_VERSION_DEPTH).toList();
      String version = versionIn(leading);
      if (version != null) {
        counts.merge(version, 1, Integer::sum);
      }
    }
    return counts.entrySet().stream().filter(e -> e.getValue() * 2 > paths.size()).map(Map.Entry::getKey).findFirst().orElse(null);
  }

  private static String identifier(String label) {
    String id = label.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
    return id.isEmpty() || Character.isDigit(id.charAt(0)) ? "api_" + id : id;
  }

  private static Map<String, String> defaults(Server server) {
    Map<String, String> defaults = new HashMap<>();
    if (server.getVariables() != null) {
      server.getVariables().forEach((name, variable) -> defaults.put(name, variable.getDefault() == null ? "" : variable.getDefault()));
    }
    return defaults;
  }

  /**
   * What a server URL says about identity: {@code host} is its registrable domain (null when it names
   * no API: relative, localhost, an IP, templated, a placeholder or a mock), {@code subdomains} the
   * labels left of it that are not templated, {@code pathSegments} the path's segments with variables
   * at their defaults, fillers left out.
   */
  private record Url(String host, List<String> subdomains, String fullHost, List<String> pathSegments) {
    Url(String host, List<String> pathSegments) {
      this(host, List.of(), host, pathSegments);
    }

    static Url parse(String url, Map<String, String> defaults) {
      String rest = url.replaceFirst("^[^/]*://", "");
      boolean absolute = rest.length() != url.length() || url.startsWith("//");
      rest = rest.replaceFirst("^//", "");
      int slash = rest.indexOf('/');
      String authority = absolute ? (slash < 0 ? rest : rest.substring(0, slash)) : "";
      String path = absolute ? (slash < 0 ? "" : rest.substring(slash)) : rest;
      for (Map.Entry<String, String> variable : defaults.entrySet()) {
        path = path.replace("{" + variable.getKey() + "}", variable.getValue());
      }
      List<String> segments = Arrays.stream(path.split("[/?#]")).filter(s -> !s.isEmpty() && !s.contains("{")).toList();
      boolean mock = segments.stream().anyMatch(s -> s.toLowerCase(Locale.ROOT).contains("mock"));
      List<String> identifying = segments.stream().filter(s -> !FILLER.contains(s.toLowerCase(Locale.ROOT))).toList();
      String host = authority.replaceFirst("^.*@", "").replaceFirst(":[^:\\]]*$", "").toLowerCase(Locale.ROOT);
      List<String> labels = Arrays.stream(host.split("\\.")).filter(l -> !l.isEmpty() && !l.contains("{")).toList();
      if (mock || labels.size() < 2 || !InternetDomainName.isValid(String.join(".", labels))) {
        return new Url(null, identifying);
      }
      InternetDomainName domain = InternetDomainName.from(String.join(".", labels));
      String registrable = domain.isUnderPublicSuffix() ? domain.topPrivateDomain().toString()
          : String.join(".", labels.subList(labels.size() - 2, labels.size()));
      String first = registrable.substring(0, registrable.indexOf('.'));
      String tld = labels.get(labels.size() - 1);
      if (PLACEHOLDER_TLDS.contains(tld) || first.matches("[0-9]+") || first.equals("localhost")
          || Arrays.asList(first.split("-")).contains("example") || labels.stream().anyMatch(l -> l.contains("mock"))) {
        return new Url(null, identifying);
      }
      List<String> subdomains = labels.subList(0, labels.size() - registrable.split("\\.").length).stream()
          .filter(l -> !FILLER.contains(l)).toList();
      return new Url(registrable, subdomains, String.join(".", labels), identifying);
    }
  }

  /** Whether a user-given package is one buf accepts: lower_snake segments ending in a version. */
  public static boolean isValid(String pkg) {
    return pkg.matches("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*\\.v\\d+((alpha|beta)\\d*|test)?");
  }
}
