package io.rest2grpc.openapi.naming;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The language options of every generated file, all from the proto package by one rule, the
 * defaults of buf's managed mode (module README, "Package"): for {@code acme.orders.v1} and
 * {@code orders_service.proto}
 *
 * <pre>
 * option csharp_namespace = "Acme.Orders.V1";
 * option go_package = "&lt;go prefix/&gt;acme/orders/v1;ordersv1";
 * option java_multiple_files = true;
 * option java_outer_classname = "OrdersServiceProto";
 * option java_package = "&lt;java prefix.&gt;acme.orders.v1";
 * </pre>
 *
 * @param javaPackagePrefix put before the package in {@code java_package} ({@code com}; empty for none)
 * @param goPackagePrefix the Go module path the generated code lives under ({@code github.com/acme/apis/gen/go});
 *     empty (the default) makes {@code go_package} the package's folder, as {@code paths=source_relative} writes it
 */
public record LanguageOptions(String javaPackagePrefix, String goPackagePrefix) {
  public static final LanguageOptions DEFAULTS = new LanguageOptions("com", "");

  /** The config file's keys ({@code file_options:} in a {@code --config} file). */
  public static final Set<String> KEYS = Set.of("java_package_prefix", "go_package_prefix");

  public LanguageOptions {
    javaPackagePrefix = javaPackagePrefix == null ? "" : javaPackagePrefix;
    goPackagePrefix = goPackagePrefix == null ? "" : goPackagePrefix.replaceAll("/+$", "");
  }

  /** These options with the config's {@code file_options} ({@link #KEYS}) in place of theirs. */
  public LanguageOptions with(Map<String, String> config) {
    return new LanguageOptions(config.getOrDefault("java_package_prefix", javaPackagePrefix),
        config.getOrDefault("go_package_prefix", goPackagePrefix));
  }

  /** Why {@code value} is not a valid value of {@code key}, or null when it is. */
  public static String problem(String key, String value) {
    return switch (key) {
      case "java_package_prefix" -> value.isEmpty() || value.matches("[a-z_][a-z0-9_]*(\\.[a-z_][a-z0-9_]*)*") ? null
          : "'" + value + "' is not a Java package prefix (lower-case dotted words, e.g. com.acme)";
      case "go_package_prefix" -> value.matches("[^\\s;]*") ? null
          : "'" + value + "' is not a Go import path prefix (no spaces or ';', e.g. github.com/acme/apis/gen/go)";
      default -> "unknown key '" + key + "'";
    };
  }

  public String javaPackage(String pkg) {
    return javaPackagePrefix.isEmpty() ? pkg : javaPackagePrefix + "." + pkg;
  }

  /** The import path (the package's folder under the prefix) and, after {@code ;}, the Go package name. */
  public String goPackage(String pkg) {
    String folder = pkg.replace('.', '/');
    String[] segments = pkg.split("\\.");
    String name = segments.length == 1 ? segments[0] : segments[segments.length - 2] + segments[segments.length - 1];
    return (goPackagePrefix.isEmpty() ? folder : goPackagePrefix + "/" + folder) + ";" + name.replace("_", "");
  }

  public String csharpNamespace(String pkg) {
    return Arrays.stream(pkg.split("\\.")).map(LanguageOptions::pascal).collect(Collectors.joining("."));
  }

  /** {@code orders_service.proto} → {@code OrdersServiceProto}. */
  public static String javaOuterClassname(String path) {
    String base = path.substring(path.lastIndexOf('/') + 1).replaceFirst("\\.proto$", "");
    return pascal(base) + "Proto";
  }

  private static String pascal(String snake) {
    return Arrays.stream(snake.split("_")).filter(w -> !w.isEmpty())
        .map(w -> w.substring(0, 1).toUpperCase(Locale.ROOT) + w.substring(1)).collect(Collectors.joining());
  }
}
