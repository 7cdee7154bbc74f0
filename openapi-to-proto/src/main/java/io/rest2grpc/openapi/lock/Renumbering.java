package io.rest2grpc.openapi.lock;

import com.fasterxml.jackson.databind.JsonNode;
import io.rest2grpc.openapi.compat.SchemaType;
import io.rest2grpc.openapi.diagnostics.ConversionException;
import io.rest2grpc.openapi.diagnostics.SourceLocation;
import io.rest2grpc.openapi.lock.Lock.EnumLock;
import io.rest2grpc.openapi.lock.Lock.Field;
import io.rest2grpc.openapi.lock.Lock.MessageLock;
import io.rest2grpc.openapi.lock.Lock.RpcLock;
import io.rest2grpc.openapi.lock.Lock.Value;
import io.rest2grpc.openapi.proto.ProtoEnum;
import io.rest2grpc.openapi.proto.ProtoField;
import io.rest2grpc.openapi.proto.ProtoFile;
import io.rest2grpc.openapi.proto.ProtoMessage;
import io.rest2grpc.openapi.proto.ProtoRpc;
import io.rest2grpc.openapi.proto.ProtoService;
import io.rest2grpc.openapi.proto.Renames;
import io.rest2grpc.openapi.proto.Reserved;
import io.rest2grpc.openapi.report.Category;
import io.rest2grpc.openapi.report.Findings;
import io.rest2grpc.openapi.report.Report;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Applies a lock to a finished conversion (whose type and RPC names the converter already took from
 * the lock): every field and enum value the lock knows keeps its number and proto name, new ones take numbers above every number the message or enum ever used, and the
 * ones gone from the spec become {@code reserved}. Messages and enums the lock does not know keep the
 * converter's numbers, so a first conversion is the same with or without a lock.
 */
public final class Renumbering {
  /** protobuf reserves 19000–19999 for itself. */
  private static final int FIRST_IMPLEMENTATION_RESERVED = 19000;
  private static final int LAST_IMPLEMENTATION_RESERVED = 19999;

  private final Protos protos;
  /** What renumbering decided that the report must show; the conversion's own report stays as it is. */
  private final Findings findings = new Findings();
  private final Lock lock;
  private final boolean allowBreaking;
  private final boolean adoptRefinements;
  private final RestSchemas restSchemas;
  private final Map<String, MessageLock> messageLocks;
  private final Map<String, EnumLock> enumLocks;
  private final Set<String> localEnums = new HashSet<>();
  /** Fields renamed by the lock, by message: converter's name → final name; applied once every message is numbered. */
  private final Map<String, Map<String, String>> renames = new HashMap<>();
  /** One error per locked field whose REST type broke: each at its place in the spec. */
  private final List<ConversionException> breaking = new ArrayList<>();
  /** New message → the locked message it replaces on the wire (see {@link #findContinuations}). */
  private final Map<String, String> continuations = new HashMap<>();

  private Renumbering(Protos protos, Lock lock, boolean allowBreaking, boolean adoptRefinements) {
    this.protos = protos;
    this.lock = lock;
    this.allowBreaking = allowBreaking;
    this.adoptRefinements = adoptRefinements;
    this.messageLocks = new LinkedHashMap<>(lock.messages());
    this.enumLocks = new LinkedHashMap<>(lock.enums());
    Map<String, ProtoEnum> enums = new HashMap<>();
    protos.files().forEach(f -> f.enums().forEach(e -> enums.put(e.name(), e)));
    localEnums.addAll(enums.keySet());
    this.restSchemas = new RestSchemas(enums, lock.enums().keySet());
  }

  /**
   * A locked field whose proto type changed is judged by its REST type ({@link RestSchemas}): a
   * refinement keeps the locked type ({@link HeldBack}) unless {@code adoptRefinements}; anything else
   * is a REST break.
   *
   * @throws ConversionException naming every field whose REST type broke, unless {@code allowBreaking}:
   *     then each gets a new name ({@code amount_v2}) and number, and the old ones are reserved
   */
  public static Result apply(Protos protos, Lock lock, boolean allowBreaking, boolean adoptRefinements) {
    return new Renumbering(protos, lock, allowBreaking, adoptRefinements).apply();
  }

  /** The converter's files, their package, and the spec they came from (its name and document key the lock's sources). */
  public record Protos(String specName, JsonNode document, String packageName, List<ProtoFile> files) {}

  /**
   * The files with the locked numbers and names, renumbering's findings for the report; and the
   * lock to write with them.
   */
  public record Result(List<ProtoFile> files, Report report, Lock lock) {}

  private Result apply() {
    findContinuations();
    List<ProtoFile> files = new ArrayList<>();
    Map<String, RpcLock> rpcLocks = new LinkedHashMap<>(lock.rpcs());
    for (ProtoFile file : protos.files()) {
      List<ProtoMessage> messages = file.messages().stream().map(m -> message(m, file.path())).toList();
      List<ProtoEnum> enums = file.enums().stream().map(e -> protoEnum(e, file.path())).toList();
      for (ProtoService service : file.services()) {
        for (ProtoRpc rpc : service.rpcs()) {
          String route = Sources.route(rpc.source());
          if (route != null) {
            rpcLocks.put(route, new RpcLock(service.name(), rpc.name()));
          }
        }
      }
      files.add(new ProtoFile(file.path(), file.packageName(), file.headerComment(),
          FileImports.after(file, messages, protos.files()), file.services(), messages, enums));
    }
    if (!breaking.isEmpty()) {
      throw ConversionException.of(breaking);
    }
    return new Result(Renames.ofFields(renames).apply(files), findings.report(),
        new Lock(lock.packageName(), messageLocks, enumLocks, rpcLocks));
  }

  /**
   * A message the lock does not know that now holds a locked field which held another message (the
   * spec replaced the field's schema by another one) continues that message on the wire: it is
   * numbered from the old message's lock, so a peer on the old protos still reads the same fields.
   * Only where every such field points it at the same old message.
   */
  private void findContinuations() {
    Map<String, String> from = new HashMap<>();
    Set<String> ambiguous = new HashSet<>();
    for (ProtoFile file : protos.files()) {
      for (ProtoMessage message : file.messages()) {
        MessageLock locked = lock.messages().get(message.name());
        if (locked == null) {
          continue;
        }
        Map<String, Field> byJson = new HashMap<>();
        locked.fields().forEach(f -> byJson.put(f.json(), f));
        for (ProtoField field : message.fields()) {
          Field before = byJson.get(field.restName());
          String now = Field.typeOf(field);
          if (before == null || sameIgnoringPresence(before.type(), now) || !compatible(before.type(), now)) {
            continue;
          }
          String oldType = Field.baseType(before.type());
          String newType = Field.baseType(now);
          if (lock.messages().containsKey(oldType) && !lock.messages().containsKey(newType)) {
            String previous = from.putIfAbsent(newType, oldType);
            if (previous != null && !previous.equals(oldType)) {
              ambiguous.add(newType);
            }
          }
        }
      }
    }
    from.keySet().removeAll(ambiguous);
    continuations.putAll(from);
  }

  private ProtoMessage message(ProtoMessage message, String file) {
    MessageLock locked = messageLocks.get(message.name());
    String continued = continuations.get(message.name());
    if (locked == null && continued != null) {
      locked = lock.messages().get(continued);
      findings.info(Category.LOCKED_NUMBERS_CONTINUED, message.source(), protos.packageName() + "." + message.name(),
          message.name() + " replaces " + continued + " in a locked field: numbered from " + continued + "'s lock");
    }
    Map<String, Field> live = new LinkedHashMap<>();
    List<Field> gone = new ArrayList<>();
    int next = 1;
    if (locked != null) {
      locked.fields().forEach(f -> live.put(f.json(), f));
      gone.addAll(locked.reserved());
      next = Stream.concat(locked.fields().stream(), locked.reserved().stream()).mapToInt(Field::number).max().orElse(0) + 1;
    }
    Set<String> taken = new HashSet<>();
    message.fields().forEach(f -> taken.add(f.name()));
    Stream.concat(live.values().stream(), gone.stream()).forEach(f -> taken.add(f.name()));
    List<ProtoField> fields = new ArrayList<>();
    List<Field> lockedFields = new ArrayList<>();
    for (ProtoField converted : message.fields()) {
      ProtoField field = converted;
      String json = field.restName();
      String type = Field.typeOf(field);
      Field before = live.get(json);
      Field reservedFit = gone.stream().filter(f -> f.json().equals(json) && compatible(f.type(), type)).findFirst().orElse(null);
      boolean wasLive = before != null && (reservedFit == null || compatible(before.type(), type));
      if (wasLive) {
        live.remove(json);
      } else {
        // a retype undone restores the reserved original; the retyped field left in live is reserved below
        before = reservedFit != null ? reservedFit : gone.stream().filter(f -> f.json().equals(json)).findFirst().orElse(null);
      }
      int number;
      String name;
      SchemaType.Change change = before == null || compatible(before.type(), type) ? null : restSchemas.change(before.type(), type);
      ProtoField held = change == SchemaType.Change.REFINED && wasLive && !adoptRefinements
          ? HeldBack.field(field, before, restSchemas) : null;
      if (before == null) {
        number = locked == null ? field.number() : next++;
        name = field.name();
      } else if (compatible(before.type(), type)) {
        gone.remove(before);
        number = before.number();
        name = before.name();
        if (!Objects.equals(before.oneof(), field.oneof())) {
          findings.warn(Category.LOCKED_ONEOF_CHANGED, message.source(), element(message, name),
              "field " + name + " was " + membership(before.oneof()) + " and is " + membership(field.oneof()));
        }
        if (!before.type().equals(type) && !sameIgnoringPresence(before.type(), type)) {
          findings.warn(Category.LOCKED_TYPE_RENAMED, message.source(), element(message, name),
              "field " + name + " was " + before.type() + " and is " + type);
        }
      } else if (held != null) {
        field = held;
        number = before.number();
        name = before.name();
        findings.warn(Category.REFINEMENT_HELD_BACK, field.source(), element(message, name), name + " = " + number + " stays "
            + before.type() + " where the spec now gives " + Field.typeOf(converted) + " (REST " + restChange(before.type(), converted)
            + "); adopt it with convert --adopt-refinements (gRPC clients then see a new name and number)");
      } else if (allowBreaking || adoptRefinements && change == SchemaType.Change.REFINED) {
        if (wasLive) {
          gone.add(before);
        }
        number = next++;
        name = versioned(before.name(), taken);
        findings.warn(change == SchemaType.Change.REFINED ? Category.REFINEMENT_ADOPTED : Category.BREAKING_CHANGE_ACCEPTED,
            field.source(), element(message, name),
            before.name() + " = " + before.number() + " (" + before.type() + ") is now " + name + " = " + number + " (" + type + ")");
      } else {
        breaking.add(new ConversionException(field.source(), "incompatible change to locked field: " + message.name() + "."
            + before.name() + " (REST \"" + json + "\", number " + before.number() + "): " + before.type() + " -> " + type
            + (change == SchemaType.Change.REFINED ? ", a refinement the locked type cannot hold"
                : change == SchemaType.Change.BREAKING ? ", a REST break (" + restChange(before.type(), field) + ")"
                : ", the locked type cannot hold the new values (" + restChange(before.type(), field) + ")"),
            "convert with --allow-breaking to give it a new proto name and number (the old ones are reserved), "
                + "or undo the change in the spec"));
        continue;
      }
      if (number >= FIRST_IMPLEMENTATION_RESERVED && number <= LAST_IMPLEMENTATION_RESERVED) {
        number = LAST_IMPLEMENTATION_RESERVED + 1;
        next = number + 1;
      }
      if (!name.equals(field.name())) {
        renames.computeIfAbsent(message.name(), m -> new HashMap<>()).put(field.name(), name);
      }
      fields.add(field.withNumber(number));
      lockedFields.add(new Field(number, name, json, held != null ? before.type() : type, field.oneof()));
    }
    gone.addAll(live.values());
    List<Field> reserved = List.copyOf(gone);
    messageLocks.put(message.name(), new MessageLock(source(message.source()), file, lockedFields, reserved));
    return message.withFields(fields)
        .withReserved(new Reserved(reserved.stream().map(Field::number).toList(), reserved.stream().map(Field::name).toList()));
  }

  private ProtoEnum protoEnum(ProtoEnum protoEnum, String file) {
    EnumLock locked = enumLocks.get(protoEnum.name());
    Map<String, Value> live = new LinkedHashMap<>();
    Map<String, Value> gone = new LinkedHashMap<>();
    int next = 0;
    if (locked != null) {
      locked.values().forEach(v -> live.put(v.name(), v));
      locked.reserved().forEach(v -> gone.put(v.name(), v));
      next = Stream.concat(locked.values().stream(), locked.reserved().stream()).mapToInt(Value::number).max().orElse(-1) + 1;
    }
    List<ProtoEnum.Value> values = new ArrayList<>();
    List<Value> lockedValues = new ArrayList<>();
    for (ProtoEnum.Value value : protoEnum.values()) {
      Value before = live.containsKey(value.name()) ? live.remove(value.name()) : gone.remove(value.name());
      int number = before != null ? before.number() : locked == null ? value.number() : next++;
      values.add(value.withNumber(number));
      lockedValues.add(new Value(number, value.name()));
    }
    gone.putAll(live);
    List<Value> reserved = List.copyOf(gone.values());
    enumLocks.put(protoEnum.name(), new EnumLock(source(protoEnum.source()), file, lockedValues, reserved));
    return protoEnum.with(protoEnum.name(), values,
        new Reserved(reserved.stream().map(Value::number).toList(), reserved.stream().map(Value::name).toList()));
  }

  /** {@code string -> string (date-time)}: the REST types the locked and the current proto type stand for. */
  private String restChange(String locked, ProtoField current) {
    return restSchemas.describe(locked) + " -> " + restSchemas.describe(Field.typeOf(current));
  }

  private String source(SourceLocation source) {
    return Sources.key(source, protos.specName(), protos.document());
  }

  private static String membership(String oneof) {
    return oneof == null ? "outside any oneof" : "in oneof " + oneof;
  }

  private String element(ProtoMessage message, String field) {
    return protos.packageName() + "." + message.name() + "." + field;
  }

  /**
   * The same kind (singular, repeated, map) of the same type, or of two messages (or two enums) of
   * the package: a spec that renames, extracts or replaces a schema has not changed the REST API, and
   * the new type's own numbers are locked in turn. Explicit presence may come and go: the wire and the
   * JSON are the same with and without {@code optional}.
   */
  private boolean compatible(String locked, String current) {
    if (sameIgnoringPresence(locked, current)) {
      return true;
    }
    locked = Field.withoutPresence(locked);
    current = Field.withoutPresence(current);
    String lockedKind = localKind(Field.baseType(locked));
    return locked.substring(0, locked.lastIndexOf(' ') + 1).equals(current.substring(0, current.lastIndexOf(' ') + 1))
        && lockedKind != null && lockedKind.equals(localKind(Field.baseType(current)));
  }

  private static boolean sameIgnoringPresence(String locked, String current) {
    return Field.withoutPresence(locked).equals(Field.withoutPresence(current));
  }

  /**
   * "enum" or "message" for a type of the package, else null. Local types are written by simple name
   * (no dot); scalars are lower case, messages and enums PascalCase.
   */
  private String localKind(String type) {
    if (type.indexOf('.') >= 0 || !Character.isUpperCase(type.charAt(0))) {
      return null;
    }
    return localEnums.contains(type) || lock.enums().containsKey(type) ? "enum" : "message";
  }

  private static String versioned(String name, Set<String> taken) {
    for (int n = 2; ; n++) {
      String candidate = name + "_v" + n;
      if (taken.add(candidate)) {
        return candidate;
      }
    }
  }
}
