package io.rest2grpc.openapi.read;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import io.rest2grpc.openapi.diagnostics.SourceLocation;
import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the line and column of JSON pointers in a YAML or JSON file by streaming it once, entering
 * only the objects and arrays on the way to a wanted pointer. The trees the converter reads carry no
 * positions (keeping one per node would cost memory on every conversion of a 20 MB spec); this runs
 * only when errors are reported. A member is placed at its key, an array element at its value.
 */
public final class SourcePositions {
  /** 1-based, as parsers count. */
  record Position(int line, int column) {}

  private SourcePositions() {}

  /**
   * {@code locations}, all in the YAML or JSON {@code file}, each with the line and column of its
   * pointer; those not written in the file (or the file unreadable as such) are returned as given.
   */
  public static List<SourceLocation> locate(JsonFactory factory, byte[] file, List<SourceLocation> locations) {
    Set<String> pointers = new HashSet<>();
    locations.stream().filter(l -> !l.hasPosition() && !l.pointer().isEmpty()).forEach(l -> pointers.add(l.pointer()));
    Map<String, Position> found;
    try {
      found = find(factory, file, pointers);
    } catch (IOException | RuntimeException e) {
      return locations;
    }
    return locations.stream().map(l -> {
      Position at = l.hasPosition() ? null : found.get(l.pointer());
      return at == null ? l : l.withPosition(at.line(), at.column());
    }).toList();
  }

  /** The position of each of {@code pointers} written in the YAML or JSON {@code file}; those not found (or the root) are missing. */
  static Map<String, Position> find(JsonFactory factory, byte[] file, Set<String> pointers) throws IOException {
    Set<String> ancestors = new HashSet<>();
    for (String pointer : pointers) {
      for (int slash = pointer.indexOf('/', 1); slash > 0; slash = pointer.indexOf('/', slash + 1)) {
        ancestors.add(pointer.substring(0, slash));
      }
    }
    Map<String, Position> found = new HashMap<>();
    try (JsonParser parser = factory.createParser(file)) {
      for (JsonToken token = parser.nextToken(); token != null && found.size() < pointers.size(); token = parser.nextToken()) {
        String pointer = pointerOf(parser, token);
        if (pointer == null) {
          continue;
        }
        if (pointers.contains(pointer)) {
          JsonLocation at = parser.currentTokenLocation();
          found.putIfAbsent(pointer, new Position(at.getLineNr(), at.getColumnNr()));
        }
        if (!ancestors.contains(pointer)) {
          if (token == JsonToken.FIELD_NAME) {
            parser.nextToken();
          }
          parser.skipChildren();
        }
      }
    }
    return found;
  }

  /** The pointer of the member whose key {@code token} is, or of the array element it starts; else null. */
  private static String pointerOf(JsonParser parser, JsonToken token) {
    JsonStreamContext context = parser.getParsingContext();
    if (token == JsonToken.FIELD_NAME) {
      return context.pathAsPointer().toString();
    }
    if (token.isStructEnd()) {
      return null;
    }
    JsonStreamContext container = token.isStructStart() ? context.getParent() : context;
    return container != null && container.inArray() ? container.pathAsPointer().toString() : null;
  }
}
