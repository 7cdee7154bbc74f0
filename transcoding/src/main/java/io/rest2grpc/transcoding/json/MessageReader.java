package io.rest2grpc.transcoding.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import java.io.IOException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;

/**
 * Parses one REST JSON document into a builder, streaming. One instance per document: it holds the
 * parser and the JSON pointer of the value being read (left as it was when an error is thrown, so
 * the error says where).
 */
final class MessageReader {
  private final MetaCache cache;
  private final RestJsonListener listener;
  private final boolean rejectUnknownEnums;
  private final PointerPath path = new PointerPath();
  private JsonParser p;
  private int depth;

  MessageReader(MetaCache cache, RestJsonListener listener, boolean rejectUnknownEnums, JsonParser parser) {
    this.cache = cache;
    this.listener = listener;
    this.rejectUnknownEnums = rejectUnknownEnums;
    this.p = parser;
  }

  /** Reads the value the parser stands on (or the next one) into the builder; null changes nothing. */
  void read(Message.Builder builder) throws IOException {
    guarded(() -> {
      if (p.currentToken() != JsonToken.VALUE_NULL) {
        readMessage(cache.message(builder.getDescriptorForType()), builder);
      }
    });
  }

  /** Reads the value the parser stands on (or the next one) as the whole value of one field of the builder. */
  void readField(FieldDescriptor field, Message.Builder builder) throws IOException {
    guarded(() -> readField(fieldMeta(field), builder));
  }

  /** Reads one element of the field: its value, or one more element of a repeated field. */
  void readElement(FieldDescriptor field, Message.Builder builder) throws IOException {
    guarded(() -> {
      FieldMeta meta = fieldMeta(field);
      Object value = readValue(meta, builder);
      if (value == null) {
        return;
      }
      if (field.isRepeated()) {
        builder.addRepeatedField(field, value);
      } else {
        builder.setField(field, value);
      }
    });
  }

  /** Reads one entry of a map field. */
  void readEntry(FieldDescriptor map, String key, Message.Builder builder) throws IOException {
    guarded(() -> readMapEntry(fieldMeta(map), key, builder));
  }

  private interface Step {
    void run() throws IOException;
  }

  private void guarded(Step step) throws IOException {
    try {
      if (p.currentToken() == null && p.nextToken() == null) {
        throw new InvalidValue("expected a JSON value, got nothing");
      }
      step.run();
    } catch (InvalidValue e) {
      throw new RestJsonException(path.toString(), e.getMessage());
    } catch (JsonProcessingException e) {
      throw new RestJsonException(path.toString(), "malformed JSON: " + e.getOriginalMessage(), e);
    } catch (NumberFormatException e) {
      // Jackson's own guard on a number it will not expand, such as 1E041056285400
      throw new RestJsonException(path.toString(), "malformed number: " + e.getMessage(), e);
    }
  }

  private FieldMeta fieldMeta(FieldDescriptor field) {
    return cache.message(field.getContainingType()).fields.get(field.getIndex());
  }

  private void readMessage(MessageMeta meta, Message.Builder builder) throws IOException {
    enter();
    switch (meta.shape) {
      case OBJECT -> {
        expect(JsonToken.START_OBJECT);
        readObject(new ObjectTarget(meta, builder, null));
      }
      case ARRAY_WRAPPER -> readRepeated(meta.single, builder);
      case MAP_WRAPPER -> readMap(meta.single, builder);
      case BARE_UNION -> readBareUnion(meta, builder);
      case SCALAR_WRAPPER -> builder.setField(meta.single.descriptor, Scalars.read(p, meta.single.descriptor.getType()));
      case TIMESTAMP -> {
        Instant instant = Times.timestamp(Scalars.string(p));
        setNumbered(builder, 1, instant.getEpochSecond());
        setNumbered(builder, 2, instant.getNano());
      }
      case DURATION -> {
        long[] duration = Times.duration(Scalars.string(p));
        setNumbered(builder, 1, duration[0]);
        setNumbered(builder, 2, (int) duration[1]);
      }
      case STRUCT -> {
        expect(JsonToken.START_OBJECT);
        readStruct(builder);
      }
      case LIST_VALUE -> {
        expect(JsonToken.START_ARRAY);
        readList(builder);
      }
      case VALUE -> readJsonValue(builder);
    }
    depth--;
  }

  // Objects and flat unions

  private void readObject(ObjectTarget target) throws IOException {
    readProperties(target);
    finish(target);
  }

  /** Reads properties up to the end of the object the parser is in. */
  private void readProperties(ObjectTarget target) throws IOException {
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      p.nextToken();
      path.push(name);
      if (!accept(target, name)) {
        skipUnknown();
      }
      path.pop();
    }
  }

  /** Reads one property into the object or one of its flat variants; false if none takes it. */
  private boolean accept(ObjectTarget target, String name) throws IOException {
    MessageMeta meta = target.meta;
    FieldMeta field = meta.byName.get(name);
    if (field != null) {
      readField(field, target.builder);
      return true;
    }
    boolean waiting = false;
    for (int i = 0; i < meta.flatUnions.size(); i++) {
      ObjectTarget variant = target.variants[i];
      if (variant != null) {
        if (accept(variant, name)) {
          return true;
        }
      } else if (name.equals(meta.flatUnions.get(i).discriminator)) {
        readDiscriminator(target, i, name);
        return true;
      } else {
        waiting = true;
      }
    }
    if (waiting && !target.finishing) {
      target.buffer().add(name, p);
      return true;
    }
    if (meta.unwrappedMap != null) {
      readMapEntry(meta.unwrappedMap, name, target.builder);
      return true;
    }
    return false;
  }

  private void readDiscriminator(ObjectTarget target, int union, String name) throws IOException {
    FlatUnion flat = target.meta.flatUnions.get(union);
    String wire = p.currentToken().isScalarValue() ? p.getText() : null;
    FieldMeta variant = wire == null ? null : flat.variant(wire);
    if (variant == null) {
      throw new RestJsonException(path.toString(), "unknown " + name + " '" + wire + "' (expected one of: "
          + flat.expected() + ")");
    }
    ObjectTarget chosen = target.choose(union, variant);
    FieldMeta own = chosen.meta.byName.get(name);
    if (own != null) {
      readField(own, chosen.builder); // the variant keeps its own copy of the discriminator
    }
  }

  /**
   * Replays held-back properties once the variants are known (choosing by keys where no
   * discriminator came), then stores each variant in the containing message.
   */
  private void finish(ObjectTarget target) throws IOException {
    target.finishing = true;
    if (target.buffer != null) {
      List<FlatUnion> unions = target.meta.flatUnions;
      for (int i = 0; i < unions.size(); i++) {
        if (target.variants[i] == null) {
          FieldMeta best = bestCovering(variantsOf(unions.get(i), target.meta), target.buffer);
          if (best != null) {
            target.choose(i, best);
          }
        }
      }
      JsonParser streaming = p;
      p = target.buffer.replay();
      readProperties(target);
      p.close();
      p = streaming;
    }
    for (ObjectTarget variant : target.variants) {
      if (variant != null) {
        finish(variant);
        target.builder.setField(variant.field.descriptor, variant.builder.build());
      }
    }
  }

  private static List<FieldMeta> variantsOf(FlatUnion union, MessageMeta meta) {
    return union.oneof.getFields().stream().map(f -> meta.fields.get(f.getIndex())).toList();
  }

  /** The message variant whose properties cover the most of these keys (the first on a tie); null if none. */
  private static FieldMeta bestCovering(List<FieldMeta> variants, PropertyBuffer keys) {
    HashSet<String> names = new HashSet<>(keys.names);
    FieldMeta best = null;
    int bestCoverage = 0;
    for (FieldMeta variant : variants) {
      int coverage = variant.isMessage() ? variant.message().coverage(names) : 0;
      if (coverage > bestCoverage) {
        best = variant;
        bestCoverage = coverage;
      }
    }
    return best;
  }

  // Fields

  private void readField(FieldMeta f, Message.Builder builder) throws IOException {
    boolean nullIsValue = !f.descriptor.isRepeated() && f.isMessage() && f.message().shape == MessageMeta.Shape.VALUE;
    if (p.currentToken() == JsonToken.VALUE_NULL && !nullIsValue) {
      builder.clearField(f.descriptor); // null is "not set", for collections too
    } else if (f.descriptor.isMapField()) {
      readMap(f, builder);
    } else if (f.descriptor.isRepeated()) {
      readRepeated(f, builder);
    } else {
      Object value = readValue(f, builder);
      if (value != null) {
        builder.setField(f.descriptor, value);
      }
    }
  }

  /** One value of the field (for repeated fields and maps: one element); null when it is dropped. */
  private Object readValue(FieldMeta f, Message.Builder owner) throws IOException {
    return switch (f.descriptor.getJavaType()) {
      case MESSAGE -> {
        Message.Builder value = owner.newBuilderForField(f.descriptor);
        if (!f.descriptor.isRepeated() && owner.hasField(f.descriptor)) {
          value.mergeFrom((Message) owner.getField(f.descriptor));
        }
        readMessage(f.message(), value);
        yield value.build();
      }
      case ENUM -> readEnum(f.enumType());
      default -> Scalars.read(p, f.descriptor.getType());
    };
  }

  private void readRepeated(FieldMeta f, Message.Builder builder) throws IOException {
    expect(JsonToken.START_ARRAY);
    boolean keepNulls = f.isMessage() && f.message().shape == MessageMeta.Shape.VALUE;
    int index = 0;
    while (p.nextToken() != JsonToken.END_ARRAY) {
      path.push(index++);
      // A proto list cannot hold null: null elements are dropped, except as google.protobuf.Value.
      if (keepNulls || p.currentToken() != JsonToken.VALUE_NULL) {
        Object value = readValue(f, builder);
        if (value != null) {
          builder.addRepeatedField(f.descriptor, value);
        }
      }
      path.pop();
    }
  }

  private void readMap(FieldMeta f, Message.Builder builder) throws IOException {
    expect(JsonToken.START_OBJECT);
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String key = p.currentName();
      p.nextToken();
      path.push(key);
      readMapEntry(f, key, builder);
      path.pop();
    }
  }

  private void readMapEntry(FieldMeta map, String key, Message.Builder builder) throws IOException {
    FieldMeta valueField = map.mapValue;
    if (p.currentToken() == JsonToken.VALUE_NULL
        && !(valueField.isMessage() && valueField.message().shape == MessageMeta.Shape.VALUE)) {
      return; // a proto map cannot hold null
    }
    Message.Builder entry = builder.newBuilderForField(map.descriptor);
    entry.setField(map.mapKey.descriptor, Scalars.key(key, map.mapKey.descriptor));
    Object value = readValue(valueField, entry);
    if (value != null) {
      entry.setField(valueField.descriptor, value);
      builder.addRepeatedField(map.descriptor, entry.build());
    }
  }

  private EnumValueDescriptor readEnum(EnumMeta meta) throws IOException {
    JsonToken token = p.currentToken();
    EnumValueDescriptor value;
    if (token == JsonToken.VALUE_STRING) {
      value = meta.byText(p.getText());
    } else if (token == JsonToken.VALUE_NUMBER_INT) {
      value = meta.byInteger(p.getLongValue());
    } else {
      throw new InvalidValue("expected a " + meta.descriptor.getName() + " value, got " + Scalars.describe(token));
    }
    // a request may not name the zero _UNSPECIFIED value ("0", its proto name): REST has no such value
    boolean restValue = value != null && !(rejectUnknownEnums && meta.wire(value.getNumber()) == null);
    if (restValue) {
      return value;
    }
    if (meta.rejectUnknown || rejectUnknownEnums) {
      throw new RestJsonException(path.toString(), "unknown " + meta.descriptor.getName() + " value '" + p.getText() + "'");
    }
    listener.unknownEnumValue(path.toString(), p.getText());
    return null;
  }

  // Undiscriminated unions: the variant is chosen by the JSON value's kind

  private void readBareUnion(MessageMeta meta, Message.Builder builder) throws IOException {
    JsonKind kind = JsonKind.of(p.currentToken());
    List<FieldMeta> candidates = meta.variants.stream().filter(v -> v.kind() == kind).toList();
    if (kind == JsonKind.ARRAY && candidates.size() > 1) {
      readFirstFittingArray(candidates, builder);
      return;
    }
    if (kind == JsonKind.OBJECT && candidates.size() > 1) {
      PropertyBuffer object = PropertyBuffer.restOfObject(p);
      FieldMeta chosen = bestCovering(candidates, object);
      JsonParser streaming = p;
      p = object.replay();
      setVariant(chosen != null ? chosen : candidates.get(0), builder);
      p.close();
      p = streaming;
      return;
    }
    FieldMeta chosen = kind == JsonKind.STRING && !candidates.isEmpty() ? stringVariant(candidates, meta.variants)
        : !candidates.isEmpty() ? candidates.get(0)
        : meta.variants.stream().filter(v -> v.kind() == JsonKind.ANY).findFirst().orElse(null);
    if (chosen == null) {
      throw new InvalidValue("no variant of " + meta.descriptor.getName() + " takes " + Scalars.describe(p.currentToken()));
    }
    setVariant(chosen, builder);
  }

  /**
   * anyOf of several array variants (typed items, or items of any kind): the array is buffered and
   * read as each variant in turn; the first that takes it wins.
   */
  private void readFirstFittingArray(List<FieldMeta> candidates, Message.Builder builder) throws IOException {
    ByteArrayBuilder bytes = new ByteArrayBuilder();
    try (JsonGenerator out = RestJson.FACTORY.createGenerator(bytes)) {
      out.copyCurrentStructure(p);
    }
    byte[] array = bytes.toByteArray();
    JsonParser streaming = p;
    int pathDepth = path.depth();
    int nesting = depth;
    RuntimeException failure = null;
    for (FieldMeta candidate : candidates) {
      p = RestJson.FACTORY.createParser(array);
      p.nextToken();
      try {
        setVariant(candidate, builder);
        failure = null;
        break;
      } catch (InvalidValue | RestJsonException e) {
        failure = e;
        builder.clearField(candidate.descriptor);
        path.truncate(pathDepth);
        depth = nesting;
      } finally {
        p.close();
      }
    }
    p = streaming;
    if (failure != null) {
      throw failure;
    }
  }

  /**
   * Among string variants, an enum that knows the value wins; else the first that is not an enum;
   * else a variant that takes any JSON (a nested union); only then an enum that does not know it.
   */
  private FieldMeta stringVariant(List<FieldMeta> candidates, List<FieldMeta> all) throws IOException {
    String text = p.getText();
    for (FieldMeta candidate : candidates) {
      if (candidate.descriptor.getJavaType() == FieldDescriptor.JavaType.ENUM && candidate.enumType().byText(text) != null) {
        return candidate;
      }
    }
    return candidates.stream().filter(c -> c.descriptor.getJavaType() != FieldDescriptor.JavaType.ENUM).findFirst()
        .or(() -> all.stream().filter(v -> v.kind() == JsonKind.ANY).findFirst())
        .orElse(candidates.get(0));
  }

  private void setVariant(FieldMeta variant, Message.Builder builder) throws IOException {
    Object value = readValue(variant, builder);
    if (value != null) {
      builder.setField(variant.descriptor, value);
    }
  }

  // google.protobuf.Struct, Value and ListValue, built reflectively so DynamicMessage works too

  private void readStruct(Message.Builder struct) throws IOException {
    FieldDescriptor fields = struct.getDescriptorForType().findFieldByNumber(1);
    Descriptor entryType = fields.getMessageType();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String key = p.currentName();
      p.nextToken();
      path.push(key);
      Message.Builder entry = struct.newBuilderForField(fields);
      entry.setField(entryType.findFieldByNumber(1), key);
      FieldDescriptor valueField = entryType.findFieldByNumber(2);
      Message.Builder value = entry.newBuilderForField(valueField);
      readJsonValue(value);
      entry.setField(valueField, value.build());
      struct.addRepeatedField(fields, entry.build());
      path.pop();
    }
  }

  private void readList(Message.Builder list) throws IOException {
    FieldDescriptor values = list.getDescriptorForType().findFieldByNumber(1);
    int index = 0;
    while (p.nextToken() != JsonToken.END_ARRAY) {
      path.push(index++);
      Message.Builder value = list.newBuilderForField(values);
      readJsonValue(value);
      list.addRepeatedField(values, value.build());
      path.pop();
    }
  }

  private void readJsonValue(Message.Builder value) throws IOException {
    enter();
    Descriptor type = value.getDescriptorForType();
    switch (p.currentToken()) {
      case VALUE_NULL -> {
        FieldDescriptor nullValue = type.findFieldByNumber(1);
        value.setField(nullValue, nullValue.getEnumType().findValueByNumber(0));
      }
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> value.setField(type.findFieldByNumber(2), p.getDoubleValue());
      case VALUE_STRING -> value.setField(type.findFieldByNumber(3), p.getText());
      case VALUE_TRUE, VALUE_FALSE -> value.setField(type.findFieldByNumber(4), p.currentToken() == JsonToken.VALUE_TRUE);
      case START_OBJECT -> value.setField(type.findFieldByNumber(5), nested(value, type.findFieldByNumber(5), true));
      case START_ARRAY -> value.setField(type.findFieldByNumber(6), nested(value, type.findFieldByNumber(6), false));
      default -> throw new InvalidValue("expected a JSON value, got " + Scalars.describe(p.currentToken()));
    }
    depth--;
  }

  private Message nested(Message.Builder value, FieldDescriptor field, boolean struct) throws IOException {
    Message.Builder nested = value.newBuilderForField(field);
    if (struct) {
      readStruct(nested);
    } else {
      readList(nested);
    }
    return nested.build();
  }

  // Helpers

  private void enter() {
    if (++depth > MessageWriter.MAX_DEPTH) {
      throw new InvalidValue("the document nests deeper than " + MessageWriter.MAX_DEPTH + " levels");
    }
  }

  private void expect(JsonToken token) {
    if (p.currentToken() != token) {
      throw new InvalidValue("expected " + Scalars.describe(token) + ", got " + Scalars.describe(p.currentToken()));
    }
  }

  private void skipUnknown() throws IOException {
    listener.unknownProperty(path.toString());
    p.skipChildren();
  }

  private static void setNumbered(Message.Builder builder, int number, Object value) {
    builder.setField(builder.getDescriptorForType().findFieldByNumber(number), value);
  }
}
