package io.rest2grpc.maven.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The application's own {@code application.properties} and {@code application.yml} (its default
 * profile), flattened to Spring's dotted keys: what {@code ${…}} placeholders in mappings resolve
 * against at build time. Profiles and environment variables are not read.
 */
public final class AppProperties {

  private AppProperties() {}

  public static Map<String, String> read(List<Path> resourceFolders) throws IOException {
    Map<String, String> flat = new TreeMap<>();
    for (Path folder : resourceFolders) {
      for (String name : List.of("application.yml", "application.yaml")) {
        Path yaml = folder.resolve(name);
        if (Files.isRegularFile(yaml)) {
          for (JsonNode document : new ObjectMapper(new YAMLFactory()).readerFor(JsonNode.class).readValues(yaml.toFile()).readAll()
              .stream().map(JsonNode.class::cast).toList()) {
            flatten("", document, flat);
          }
        }
      }
      Path properties = folder.resolve("application.properties");
      if (Files.isRegularFile(properties)) {
        Properties read = new Properties();
        try (InputStream in = Files.newInputStream(properties)) {
          read.load(in);
        }
        read.stringPropertyNames().forEach(key -> flat.put(key, read.getProperty(key)));
      }
    }
    return flat;
  }

  private static void flatten(String prefix, JsonNode node, Map<String, String> flat) {
    if (node.isObject()) {
      node.fields().forEachRemaining(field -> flatten(prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(), field.getValue(), flat));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        flatten(prefix + "[" + i + "]", node.get(i), flat);
      }
    } else if (!node.isNull() && !prefix.isEmpty()) {
      flat.put(prefix, node.asText());
    }
  }
}
