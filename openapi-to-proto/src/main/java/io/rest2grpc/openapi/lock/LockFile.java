package io.rest2grpc.openapi.lock;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rest2grpc.openapi.diagnostics.ConversionException;
import io.rest2grpc.openapi.diagnostics.Problems;
import io.rest2grpc.openapi.diagnostics.SourceLocation;
import io.rest2grpc.openapi.lock.Lock.EnumLock;
import io.rest2grpc.openapi.lock.Lock.Field;
import io.rest2grpc.openapi.lock.Lock.MessageLock;
import io.rest2grpc.openapi.lock.Lock.RpcLock;
import io.rest2grpc.openapi.lock.Lock.Value;
import io.rest2grpc.openapi.read.SourcePositions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Reads and writes a lock as JSON, one field, value or RPC per line, sorted by name and number, so that a
 * review shows exactly what changed and a merge conflict can be resolved by hand.
 */
public final class LockFile {
  static final String FORMAT_KEY = "rest2grpc-lock";
  static final int FORMAT_VERSION = 1;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String RECOVER = "restore the lock from version control (or resolve its merge conflict); "
      + "deleting it starts a new lock, and field numbers may then change";

  private LockFile() {}

  /** The lock in {@code file}, with the package it was written for; empty when there is no such file yet. */
  public static Optional<Lock> read(Path file) {
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    SourceLocation at = SourceLocation.of(file.toString());
    byte[] bytes;
    JsonNode root;
    try {
      bytes = Files.readAllBytes(file);
      root = JSON.readTree(bytes);
    } catch (JsonProcessingException e) {
      throw new ConversionException(SourceLocation.at(file.toString(), e.getLocation().getLineNr(), e.getLocation().getColumnNr()),
          "the lock file is not valid JSON: " + e.getOriginalMessage(), RECOVER, e);
    } catch (IOException e) {
      throw new ConversionException(at, "cannot read the lock file: " + e, "check that it is readable", e);
    }
    if (root == null || !root.isObject() || root.path(FORMAT_KEY).asInt() != FORMAT_VERSION) {
      throw new ConversionException(at, "not a rest2grpc lock file (version " + FORMAT_VERSION + "): it has no \""
          + FORMAT_KEY + "\": " + FORMAT_VERSION, RECOVER);
    }
    try {
      return Optional.of(read(root, at));
    } catch (ConversionException e) {
      throw e.located(locations -> SourcePositions.locate(JSON.getFactory(), bytes, locations));
    }
  }

  /** The lock in {@code root}; every invalid entry is reported, each at its place, not only the first. */
  private static Lock read(JsonNode root, SourceLocation at) {
    Problems problems = new Problems();
    String lockedPackage = problems.attempt(() -> text(root, "package", () -> at));
    Map<String, MessageLock> messages = entries(root, "messages", at, problems, (node, where) -> new MessageLock(text(node, "source", where),
        text(node, "file", where), list(node, "fields", where, problems, LockFile::field),
        list(node, "reserved", where, problems, LockFile::field)));
    Map<String, EnumLock> enums = entries(root, "enums", at, problems, (node, where) -> new EnumLock(text(node, "source", where),
        text(node, "file", where), list(node, "values", where, problems, LockFile::value),
        list(node, "reserved", where, problems, LockFile::value)));
    Map<String, RpcLock> rpcs = entries(root, "rpcs", at, problems, (node, where) -> new RpcLock(text(node, "service", where),
        text(node, "name", where)));
    problems.throwIfAny();
    return new Lock(lockedPackage, messages, enums, rpcs);
  }

  /** Writes the lock through a temporary file, so a failed write leaves the old lock in place. */
  public static void write(Lock lock, Path file) {
    String out = render(lock);
    try {
      Path dir = file.toAbsolutePath().getParent();
      Files.createDirectories(dir);
      Path temp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
      Files.writeString(temp, out);
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new ConversionException(SourceLocation.of(file.toString()), "cannot write the lock file: " + e,
          "check that its folder is writable, or give --lock FILE elsewhere (or --no-lock for a one-off conversion)", e);
    }
  }

  /** The lock file's text: one line per field and value, so a lock's change reviews as a short diff. */
  public static String render(Lock lock) {
    StringBuilder out = new StringBuilder("{\n");
    out.append("  ").append(quote(FORMAT_KEY)).append(": ").append(FORMAT_VERSION).append(",\n");
    out.append("  \"package\": ").append(quote(lock.packageName())).append(",\n");
    out.append("  \"messages\": {");
    section(out, lock.messages(), m -> List.of(origin(m.source(), m.file()), fields("fields", m.fields()), fields("reserved", m.reserved())));
    out.append("},\n  \"enums\": {");
    section(out, lock.enums(), e -> List.of(origin(e.source(), e.file()), values("values", e.values()), values("reserved", e.reserved())));
    out.append("},\n  \"rpcs\": {");
    String separator = "\n";
    for (Map.Entry<String, RpcLock> rpc : lock.rpcs().entrySet()) {
      out.append(separator).append("    ").append(quote(rpc.getKey())).append(": {\"service\": ").append(quote(rpc.getValue().service()))
          .append(", \"name\": ").append(quote(rpc.getValue().name())).append("}");
      separator = ",\n";
    }
    out.append(lock.rpcs().isEmpty() ? "" : "\n  ").append("}\n}\n");
    return out.toString();
  }

  private static <T> void section(StringBuilder out, Map<String, T> entries, Function<T, List<String>> lists) {
    String separator = "\n";
    for (Map.Entry<String, T> entry : entries.entrySet()) {
      out.append(separator).append("    ").append(quote(entry.getKey())).append(": {\n");
      out.append(String.join(",\n", lists.apply(entry.getValue()))).append("\n    }");
      separator = ",\n";
    }
    out.append(entries.isEmpty() ? "" : "\n  ");
  }

  private static String origin(String source, String file) {
    return "      \"source\": " + quote(source) + ",\n      \"file\": " + quote(file);
  }

  private static String fields(String name, List<Field> fields) {
    return array(name, fields.stream().map(f -> "{\"number\": " + f.number()
        + ", \"name\": " + quote(f.name()) + ", \"json\": " + quote(f.json()) + ", \"type\": " + quote(f.type())
        + (f.oneof() == null ? "" : ", \"oneof\": " + quote(f.oneof())) + "}").toList());
  }

  private static String values(String name, List<Value> values) {
    return array(name, values.stream().map(v -> "{\"number\": " + v.number() + ", \"name\": " + quote(v.name()) + "}").toList());
  }

  private static String array(String name, List<String> lines) {
    return "      " + quote(name) + ": [" + (lines.isEmpty() ? "]" : "\n        " + String.join(",\n        ", lines) + "\n      ]");
  }

  private static String quote(String s) {
    return '"' + new String(JsonStringEncoder.getInstance().quoteAsString(s)) + '"';
  }

  // Locations are built only for an error message: a large lock has a hundred thousand entries.
  /** The entries of the object {@code key}; an invalid entry is noted in {@code problems} and left out. */
  private static <T> Map<String, T> entries(JsonNode root, String key, SourceLocation at, Problems problems,
      BiFunction<JsonNode, Supplier<SourceLocation>, T> read) {
    JsonNode node = root.path(key);
    Map<String, T> result = new LinkedHashMap<>();
    if (!node.isObject()) {
      problems.run(() -> {
        throw new ConversionException(at.child(key), "the lock file has no \"" + key + "\" object", RECOVER);
      });
      return result;
    }
    node.fields().forEachRemaining(e -> {
      T entry = problems.attempt(() -> read.apply(e.getValue(), () -> at.child(key).child(e.getKey())));
      if (entry != null) {
        result.put(e.getKey(), entry);
      }
    });
    return result;
  }

  /** The elements of the array {@code key}; an invalid element is noted in {@code problems} and left out. */
  private static <T> List<T> list(JsonNode parent, String key, Supplier<SourceLocation> at, Problems problems,
      BiFunction<JsonNode, Supplier<SourceLocation>, T> read) {
    JsonNode node = parent.path(key);
    if (!node.isArray()) {
      throw new ConversionException(memberOrOwner(parent, key, at), "expected an array \"" + key + "\"", RECOVER);
    }
    List<T> result = new ArrayList<>(node.size());
    for (int i = 0; i < node.size(); i++) {
      int index = i;
      T element = problems.attempt(() -> read.apply(node.get(index), () -> at.get().child(key).child(index)));
      if (element != null) {
        result.add(element);
      }
    }
    return result;
  }

  private static Field field(JsonNode node, Supplier<SourceLocation> at) {
    return new Field(number(node, at), text(node, "name", at), text(node, "json", at), text(node, "type", at),
        node.has("oneof") ? text(node, "oneof", at) : null);
  }

  private static Value value(JsonNode node, Supplier<SourceLocation> at) {
    return new Value(number(node, at), text(node, "name", at));
  }

  private static int number(JsonNode node, Supplier<SourceLocation> at) {
    JsonNode number = node.path("number");
    if (!number.canConvertToInt() || !number.isIntegralNumber() || number.asInt() < 0) {
      throw new ConversionException(memberOrOwner(node, "number", at), "expected a field or enum value number, found " + number, RECOVER);
    }
    return number.asInt();
  }

  private static String text(JsonNode node, String key, Supplier<SourceLocation> at) {
    JsonNode value = node.path(key);
    if (!value.isTextual() || value.asText().isEmpty()) {
      throw new ConversionException(memberOrOwner(node, key, at), "expected a non-empty string \"" + key + "\"", RECOVER);
    }
    return value.asText();
  }

  /** Where a wrong member is: the member itself, or the object that lacks it (which has a line to show). */
  private static SourceLocation memberOrOwner(JsonNode owner, String key, Supplier<SourceLocation> at) {
    return owner.has(key) ? at.get().child(key) : at.get();
  }
}
