package io.rest2grpc.openapi.read;

import java.util.Map;
import java.util.TreeMap;

/**
 * What a {@code --config} file sets besides its overrides: {@code file_options} (the prefixes of the
 * language options, see {@code naming.LanguageOptions}) and {@code renames}, JSON pointers of the spec
 * mapped to the proto name the operation, schema or property there gets. A rename is applied as the
 * {@code x-grpc-name} of its target; it is kept here so that the report can say a name came from the config.
 */
public record ConfigSettings(Map<String, String> fileOptions, Map<String, String> renames) {
  public ConfigSettings {
    fileOptions = Map.copyOf(fileOptions);
    renames = new TreeMap<>(renames);
  }

  public static ConfigSettings none() {
    return new ConfigSettings(Map.of(), Map.of());
  }
}
