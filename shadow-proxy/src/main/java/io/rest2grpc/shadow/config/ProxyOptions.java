package io.rest2grpc.shadow.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.rest2grpc.shadow.ShadowSettings;
import io.rest2grpc.shadow.compare.PathPatterns;
import io.rest2grpc.shadow.compare.ParityCheck;
import io.rest2grpc.shadow.routes.RouteRule;
import io.rest2grpc.shadow.routes.RouteRules;
import io.rest2grpc.shadow.routes.TrafficDependence;
import io.rest2grpc.shadow.routes.WriteMirroring;
import io.rest2grpc.transcoding.JsonPointer;
import io.rest2grpc.transcoding.shadow.ShadowKey;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The proxy's settings as given, on the command line or in the YAML file (each option's key is its name without
 * {@code --}): every one may be absent. {@link #over} lays one set over another; {@link #settings} checks the result
 * and fills in the defaults.
 */
public record ProxyOptions(
    @JsonProperty("rest-upstream") String restUpstream,
    @JsonProperty("grpc-upstream") String grpcUpstream,
    @JsonProperty("candidate-grpc-upstream") String candidateGrpcUpstream,
    @JsonProperty("descriptor-set") String descriptorSet,
    String listen,
    String admin,
    @JsonProperty("admin-token") String adminToken,
    Double sample,
    @JsonProperty("max-concurrent-shadows") Integer maxConcurrentShadows,
    @JsonProperty("shadow-deadline") String shadowDeadline,
    @JsonProperty("stream-events") Integer streamEvents,
    @JsonProperty("stream-window") String streamWindow,
    @JsonProperty("max-compared-body") Integer maxComparedBody,
    @JsonProperty("marker-key") String markerKey,
    @JsonProperty("page-token-keys") List<String> pageTokenKeys,
    List<String> ignore,
    List<String> unordered,
    @JsonProperty("forwarded-headers") Boolean forwardedHeaders,
    @JsonProperty("noise-sample") Double noiseSample,
    Boolean recheck,
    @JsonProperty("kept-diffs") Integer keptDiffs,
    @JsonProperty("diff-log") String diffLog,
    List<String> redact,
    @JsonProperty("tls-cert") String tlsCert,
    @JsonProperty("tls-key") String tlsKey,
    @JsonProperty("grpc-tls") Boolean grpcTls,
    @JsonProperty("grpc-ca") String grpcCa,
    @JsonProperty("grpc-cert") String grpcCert,
    @JsonProperty("grpc-key") String grpcKey,
    @JsonProperty("service-config") List<String> serviceConfig,
    Map<String, RouteOptions> routes) {

  private static final TypeReference<Map<String, Object>> KEYS = new TypeReference<>() {};
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

  public static final ProxyOptions NONE = of(Map.of());
  /** The keys whose values are files, taken from the configuration file's folder when relative. */
  private static final List<String> FILE_KEYS = List.of("descriptor-set", "diff-log", "tls-cert", "tls-key", "grpc-ca", "grpc-cert",
      "grpc-key");

  /** The configuration file; a relative path ({@code descriptor-set}, {@code tls-cert}…) is taken from the file's folder. */
  public static ProxyOptions read(Path file) throws IOException {
    String text;
    try {
      text = Files.readString(file);
    } catch (NoSuchFileException missing) {
      throw new IllegalArgumentException("no configuration file at " + file + "; give the path of the proxy's YAML file");
    }
    ProxyOptions options = parse(text, file.toString());
    Path folder = file.toAbsolutePath().getParent();
    Map<String, Object> keys = YAML.convertValue(options, KEYS);
    keys.put("routes", options.routes); // as given: the accessor answers an empty map for none
    FILE_KEYS.forEach(key -> keys.computeIfPresent(key, (name, path) -> resolved(folder, (String) path)));
    if (options.serviceConfig != null) {
      keys.put("service-config", options.serviceConfig.stream().map(path -> resolved(folder, path)).toList());
    }
    return of(keys);
  }

  /** YAML text; {@code source} names it in errors. */
  public static ProxyOptions parse(String yaml, String source) {
    if (yaml.isBlank()) {
      return NONE;
    }
    try {
      ProxyOptions options = YAML.readValue(yaml, ProxyOptions.class);
      return options == null ? NONE : options;
    } catch (UnrecognizedPropertyException unknown) {
      throw new IllegalArgumentException(source + keyLine(yaml, unknown.getPropertyName(), unknown.getLocation()) + ": unknown key '"
          + unknown.getPropertyName()
          + "'; the keys are " + new TreeSet<>(unknown.getKnownPropertyIds().stream().map(Object::toString).toList()));
    } catch (JsonMappingException wrong) {
      String key = wrong.getPath().stream().map(reference -> reference.getFieldName() != null ? reference.getFieldName()
          : "[" + reference.getIndex() + "]").collect(Collectors.joining("."));
      throw new IllegalArgumentException(source + where(wrong.getLocation()) + ": '" + key + "' has a value of the wrong kind ("
          + wrong.getOriginalMessage().lines().findFirst().orElse("") + ")");
    } catch (JsonProcessingException unreadable) {
      throw new IllegalArgumentException(source + where(unreadable.getLocation()) + ": not YAML the proxy reads: "
          + unreadable.getOriginalMessage());
    }
  }

  /** The marker key and the admin token from the environment ({@code SHADOW_MARKER_KEY}, {@code SHADOW_ADMIN_TOKEN}). */
  public static ProxyOptions environment(Map<String, String> env) {
    Map<String, Object> keys = new HashMap<>();
    keys.put("admin-token", env.get("SHADOW_ADMIN_TOKEN"));
    keys.put("marker-key", env.get("SHADOW_MARKER_KEY"));
    return of(keys);
  }

  private static ProxyOptions of(Map<String, Object> keys) {
    return YAML.convertValue(keys, ProxyOptions.class);
  }

  /** These options, with {@code base}'s where these have none. */
  public ProxyOptions over(ProxyOptions base) {
    return new ProxyOptions(first(restUpstream, base.restUpstream), first(grpcUpstream, base.grpcUpstream),
        first(candidateGrpcUpstream, base.candidateGrpcUpstream), first(descriptorSet, base.descriptorSet), first(listen, base.listen),
        first(admin, base.admin), first(adminToken, base.adminToken), first(sample, base.sample),
        first(maxConcurrentShadows, base.maxConcurrentShadows), first(shadowDeadline, base.shadowDeadline),
        first(streamEvents, base.streamEvents), first(streamWindow, base.streamWindow),
        first(maxComparedBody, base.maxComparedBody), first(markerKey, base.markerKey), first(pageTokenKeys, base.pageTokenKeys),
        first(ignore, base.ignore), first(unordered, base.unordered), first(forwardedHeaders, base.forwardedHeaders), first(noiseSample, base.noiseSample),
        first(recheck, base.recheck), first(keptDiffs, base.keptDiffs), first(diffLog, base.diffLog), first(redact, base.redact),
        first(tlsCert, base.tlsCert), first(tlsKey, base.tlsKey), first(grpcTls, base.grpcTls), first(grpcCa, base.grpcCa),
        first(grpcCert, base.grpcCert), first(grpcKey, base.grpcKey), first(serviceConfig, base.serviceConfig), first(routes, base.routes));
  }

  /** The settings, the defaults filled in; throws naming the key and what to give for a missing or bad value. */
  public ShadowSettings settings() {
    Map<String, byte[]> secrets = new LinkedHashMap<>();
    orEmpty(pageTokenKeys).forEach(key -> secrets.put(id(key, "page-token-keys"), secret(key, "page-token-keys")));
    List<String> ignored = orEmpty(ignore);
    ignored.forEach(path -> pointer(path, "ignore"));
    List<String> unorderedArrays = orEmpty(unordered);
    unorderedArrays.forEach(path -> pointer(path, "unordered"));
    orEmpty(redact).forEach(path -> pointer(path, "redact"));
    RouteRule defaults = new RouteRule(sample == null ? 1.0 : sample, PathPatterns.of(ignored), PathPatterns.of(unorderedArrays), Set.of(),
        WriteMirroring.OFF, TrafficDependence.NONE);
    Map<String, RouteRule> byRpc = new LinkedHashMap<>();
    routes().forEach((rpc, route) -> byRpc.put(rpc.replace('/', '.'), rule(rpc, route, defaults, ignored, unorderedArrays)));
    return new ShadowSettings(uri(required(restUpstream, "rest-upstream")), required(grpcUpstream, "grpc-upstream"),
        Optional.ofNullable(candidateGrpcUpstream), Path.of(required(descriptorSet, "descriptor-set")),
        address(listen == null ? "127.0.0.1:8000" : listen, "listen"), address(admin == null ? "127.0.0.1:9901" : admin, "admin"),
        Optional.ofNullable(adminToken).filter(token -> !token.isBlank()),
        maxConcurrentShadows == null ? 64 : maxConcurrentShadows, duration(shadowDeadline == null ? "5s" : shadowDeadline, "shadow-deadline"),
        new ShadowSettings.StreamLimits(streamEvents == null ? 10 : streamEvents, duration(streamWindow == null ? "30s" : streamWindow, "stream-window")),
        maxComparedBody == null ? 1 << 20 : maxComparedBody,
        Optional.ofNullable(markerKey).filter(key -> !key.isBlank())
            .map(key -> new ShadowKey(id(key, "marker-key"), secret(key, "marker-key"))),
        secrets.isEmpty() ? "" : secrets.keySet().iterator().next(), secrets, Boolean.TRUE.equals(forwardedHeaders),
        new RouteRules(defaults, byRpc), noiseSample == null ? 0 : noiseSample, Boolean.TRUE.equals(recheck),
        new ShadowSettings.DiffStoreSettings(keptDiffs == null ? 100 : keptDiffs, Optional.ofNullable(diffLog).map(Path::of),
            orEmpty(redact)), serverTls(), grpcConnection());
  }

  private Optional<ShadowSettings.ServerTls> serverTls() {
    if (tlsCert == null && tlsKey == null) {
      return Optional.empty();
    }
    return Optional.of(new ShadowSettings.ServerTls(file(required(tlsCert, "tls-cert"), "tls-cert"), file(required(tlsKey, "tls-key"),
        "tls-key")));
  }

  private ShadowSettings.GrpcConnection grpcConnection() {
    if ((grpcCert == null) != (grpcKey == null)) {
      throw new IllegalArgumentException("grpc-cert and grpc-key go together (the proxy's client certificate for mTLS): give both");
    }
    boolean tls = Boolean.TRUE.equals(grpcTls) || grpcCa != null || grpcCert != null;
    List<Path> serviceConfigs = orEmpty(serviceConfig).stream().map(path -> {
      Path config = Path.of(path);
      if (!Files.exists(config)) {
        throw new IllegalArgumentException("service-config has " + path + ", which does not exist; give the service config JSON files "
            + "(or their folder) the service's build writes, e.g. target/classes/META-INF/rest2grpc/service-config");
      }
      return config;
    }).toList();
    return new ShadowSettings.GrpcConnection(tls, Optional.ofNullable(grpcCa).map(path -> file(path, "grpc-ca")),
        Optional.ofNullable(grpcCert).map(path -> file(path, "grpc-cert")), Optional.ofNullable(grpcKey).map(path -> file(path, "grpc-key")),
        serviceConfigs);
  }

  private static Path file(String path, String key) {
    Path file = Path.of(path);
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(key + " is " + path + ", which is no file; give a PEM file");
    }
    return file;
  }

  @Override
  public Map<String, RouteOptions> routes() {
    return routes == null ? Map.of() : routes;
  }

  private static RouteRule rule(String rpc, RouteOptions route, RouteRule defaults, List<String> ignored, List<String> unordered) {
    if (route == null) {
      return defaults;
    }
    String key = "routes." + rpc;
    List<String> paths = new ArrayList<>(ignored);
    orEmpty(route.ignore()).forEach(path -> paths.add(pointer(path, key + ".ignore")));
    List<String> arrays = new ArrayList<>(unordered);
    orEmpty(route.unordered()).forEach(path -> arrays.add(pointer(path, key + ".unordered")));
    List<String> headers = orEmpty(route.ignoreHeaders());
    headers.stream().filter(name -> ParityCheck.COMPARED_HEADERS.stream().noneMatch(name::equalsIgnoreCase)).findFirst()
        .ifPresent(name -> {
          throw new IllegalArgumentException(key + ".ignore-headers has '" + name + "', which is not compared anyway; the compared "
              + "headers are " + ParityCheck.COMPARED_HEADERS);
        });
    return new RouteRule(route.sample() == null ? defaults.sampleRate() : route.sample(), PathPatterns.of(paths), PathPatterns.of(arrays), Set.copyOf(headers),
        choice(route.writes(), WriteMirroring.OFF, WriteMirroring::valueOf, key + ".writes"),
        choice(route.trafficDependent(), TrafficDependence.NONE, TrafficDependence::valueOf, key + ".traffic-dependent"));
  }

  private static <E extends Enum<E>> E choice(String value, E absent, Function<String, E> parse, String key) {
    if (value == null) {
      return absent;
    }
    try {
      return parse.apply(value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException unknown) {
      List<String> choices = Arrays.stream(absent.getDeclaringClass().getEnumConstants())
          .map(constant -> constant.name().toLowerCase(Locale.ROOT)).toList();
      throw new IllegalArgumentException(key + " is '" + value + "'; give one of " + choices);
    }
  }

  private static String pointer(String path, String key) {
    try {
      JsonPointer.parse(path);
      return path;
    } catch (IllegalArgumentException notAPointer) {
      throw new IllegalArgumentException(key + " has '" + path + "', which is no JSON pointer; give one like /request_id or /items/*/etag");
    }
  }

  private static URI uri(String text) {
    try {
      URI uri = URI.create(text);
      if (uri.getScheme() != null && uri.getHost() != null && (uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
        return uri;
      }
    } catch (IllegalArgumentException e) {
      // the message below
    }
    throw new IllegalArgumentException("rest-upstream is '" + text + "'; give the REST service's base URL, e.g. http://127.0.0.1:8080");
  }

  static InetSocketAddress address(String hostPort, String key) {
    int colon = hostPort.lastIndexOf(':');
    if (colon <= 0) {
      throw new IllegalArgumentException(key + " is '" + hostPort + "'; give host:port, e.g. 127.0.0.1:8000");
    }
    try {
      return new InetSocketAddress(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1)));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " is '" + hostPort + "'; its port is no number");
    }
  }

  static Duration duration(String text, String key) {
    String value = text.strip().toLowerCase(Locale.ROOT);
    try {
      if (value.endsWith("ms")) {
        return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
      }
      if (value.endsWith("s")) {
        return Duration.ofSeconds(Long.parseLong(value.substring(0, value.length() - 1)));
      }
    } catch (NumberFormatException e) {
      // the message below
    }
    throw new IllegalArgumentException(key + " is '" + text + "'; give milliseconds or seconds, e.g. 500ms or 5s");
  }

  private static String id(String key, String option) {
    int equals = key.indexOf('=');
    if (equals <= 0) {
      throw new IllegalArgumentException(option + " needs id=base64-secret, e.g. proxy=" + "AAEC…");
    }
    return key.substring(0, equals);
  }

  private static byte[] secret(String key, String option) {
    try {
      return Base64.getDecoder().decode(key.substring(key.indexOf('=') + 1));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(option + " " + id(key, option) + "=…: the secret is not base64 (openssl rand -base64 32)");
    }
  }

  private static String required(String value, String key) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("no " + key + " given: set --" + key + " or '" + key + ":' in the configuration file");
    }
    return value;
  }

  private static String resolved(Path folder, String path) {
    return path == null ? null : folder.resolve(path).normalize().toString();
  }

  /** The line where {@code key} is written: the parser reports where it was once past the key's value. */
  private static String keyLine(String yaml, String key, JsonLocation fallback) {
    List<String> lines = yaml.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).stripLeading();
      if (line.startsWith(key + ":") || line.startsWith("\"" + key + "\":")) {
        return ":" + (i + 1) + ":" + (lines.get(i).length() - line.length() + 1);
      }
    }
    return where(fallback);
  }

  private static String where(JsonLocation location) {
    return location == null ? "" : ":" + location.getLineNr() + ":" + location.getColumnNr();
  }

  private static <T> T first(T value, T fallback) {
    return value != null ? value : fallback;
  }

  private static List<String> orEmpty(List<String> values) {
    return values == null ? List.of() : values;
  }
}
