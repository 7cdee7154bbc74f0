package io.rest2grpc.openapi.read;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLAnchorReplayingFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.rest2grpc.openapi.diagnostics.ConversionException;
import io.rest2grpc.openapi.diagnostics.SourceLocation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads spec files (the entry document and every file a relative {@code $ref} reaches) into JSON
 * trees, once each. YAML's code-point limit is raised to the size limit, so a large YAML spec never
 * comes back as an empty model; a file over the size limit is refused with the flag that raises it.
 */
public final class DocumentLoader {
  private final Path baseDir;
  /** Real specs alias a shared schema a few hundred times at most; SnakeYAML's default (50) refuses OpenAI's. */
  private static final int MAX_ALIASES = 10_000;
  private final long maxBytes;
  private final ObjectMapper json = new ObjectMapper();
  private final ObjectMapper yaml;
  private final Map<Path, JsonNode> documents = new HashMap<>();
  /** Every $ref resolved asks for its file's path and name: working them out each time took 3% of a large conversion. */
  private final Map<Path, String> displayNames = new HashMap<>();
  private final Map<String, Path> paths = new HashMap<>();

  public DocumentLoader(Path entryFile, long maxBytes) {
    this.baseDir = entryFile.toAbsolutePath().normalize().getParent();
    this.maxBytes = maxBytes;
    LoaderOptions loaderOptions = new LoaderOptions();
    loaderOptions.setCodePointLimit((int) Math.min(Integer.MAX_VALUE, maxBytes));
    loaderOptions.setMaxAliasesForCollections(MAX_ALIASES);
    // Jackson's plain YAML parser reads an alias (*name) as the string "name"; this one replays the anchored node.
    this.yaml = new ObjectMapper(new YAMLAnchorReplayingFactory(YAMLFactory.builder().loaderOptions(loaderOptions).build(), null));
  }

  /** The name used in messages: the path relative to the entry document's folder. */
  public String displayName(Path file) {
    return displayNames.computeIfAbsent(file, given -> {
      Path abs = given.toAbsolutePath().normalize();
      return abs.startsWith(baseDir) ? baseDir.relativize(abs).toString() : abs.toString();
    });
  }

  public Path pathOf(String displayName) {
    return paths.computeIfAbsent(displayName, name -> baseDir.resolve(name).normalize());
  }

  /**
   * {@code locations} with the line and column of each pointer into a file this loader read, looked
   * up in one pass over each such file; the others, and those not written in the file (such as
   * members an overlay added), are returned as given.
   */
  public List<SourceLocation> withPositions(List<SourceLocation> locations) {
    Map<String, Set<String>> pointersByFile = new LinkedHashMap<>();
    for (SourceLocation location : locations) {
      if (!location.hasPosition() && !location.pointer().isEmpty() && documents.containsKey(pathOf(location.file()))) {
        pointersByFile.computeIfAbsent(location.file(), file -> new HashSet<>()).add(location.pointer());
      }
    }
    Map<String, Map<String, SourcePositions.Position>> positions = new HashMap<>();
    pointersByFile.forEach((file, pointers) -> positions.put(file, positionsIn(pathOf(file), pointers)));
    List<SourceLocation> result = new ArrayList<>();
    for (SourceLocation location : locations) {
      SourcePositions.Position at = positions.getOrDefault(location.file(), Map.of()).get(location.pointer());
      result.add(at == null ? location : location.withPosition(at.line(), at.column()));
    }
    return result;
  }

  private Map<String, SourcePositions.Position> positionsIn(Path file, Set<String> pointers) {
    try {
      byte[] bytes = Files.readAllBytes(file);
      return SourcePositions.find((looksLikeJson(bytes) ? json : yaml).getFactory(), bytes, pointers);
    } catch (IOException | RuntimeException e) {
      return Map.of(); // the file changed or went away since it was read: report the errors without lines
    }
  }

  public JsonNode load(Path file) {
    Path abs = file.toAbsolutePath().normalize();
    JsonNode cached = documents.get(abs);
    if (cached != null) {
      return cached;
    }
    JsonNode node = parse(abs);
    documents.put(abs, node);
    return node;
  }

  private JsonNode parse(Path file) {
    String name = displayName(file);
    byte[] bytes;
    try {
      long size = Files.size(file);
      if (size > maxBytes) {
        throw new ConversionException(SourceLocation.of(name),
            "the file is " + readable(size) + ", over the size limit of " + readable(maxBytes),
            "raise the limit with --max-spec-size=" + ((size >> 20) + 1) + "MB if the file is meant to be this large");
      }
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new ConversionException(SourceLocation.of(name), "the file does not exist",
          "check the path; $refs are resolved relative to the file that contains them");
    } catch (IOException e) {
      throw new ConversionException(SourceLocation.of(name), "the file cannot be read: " + e.getMessage(), null, e);
    }
    if (isBlank(bytes)) {
      throw new ConversionException(SourceLocation.of(name), "the file is empty", "point at an OpenAPI or Swagger document");
    }
    try {
      JsonNode node = (looksLikeJson(bytes) ? json : yaml).readTree(bytes);
      if (node == null || node.isMissingNode() || node.isNull()) {
        throw new ConversionException(SourceLocation.of(name), "the file holds no document", null);
      }
      return node;
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      SourceLocation location = at == null ? SourceLocation.of(name) : SourceLocation.at(name, at.getLineNr(), at.getColumnNr());
      throw new ConversionException(location,
          (looksLikeJson(bytes) ? "not valid JSON: " : "not valid YAML: ") + e.getOriginalMessage(),
          "fix the syntax at that position", e);
    } catch (IOException e) {
      throw new ConversionException(SourceLocation.of(name), "the file cannot be read: " + e.getMessage(), null, e);
    }
  }

  private static boolean isBlank(byte[] bytes) {
    for (byte b : bytes) {
      if (!Character.isWhitespace(b)) {
        return false;
      }
    }
    return true;
  }

  private static boolean looksLikeJson(byte[] bytes) {
    for (byte b : bytes) {
      if (!Character.isWhitespace(b)) {
        return b == '{' || b == '[';
      }
    }
    return false;
  }

  /** {@code 3.7 MB}, or {@code 12.5 KB} below a megabyte (a limit of 1KB is not "0.0 MB"). */
  private static String readable(long bytes) {
    return bytes < 1024 * 1024 ? String.format(java.util.Locale.ROOT, "%.1f KB", bytes / 1024.0)
        : String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
  }
}
