package io.rest2grpc.transcoding.requests;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import com.google.protobuf.MessageOrBuilder;
import io.rest2grpc.options.v1.OptionsProto;
import io.rest2grpc.options.v1.RestField;
import io.rest2grpc.transcoding.http.MediaTypes;
import io.rest2grpc.transcoding.json.RestJson;
import io.rest2grpc.transcoding.json.RestJsonException;
import io.rest2grpc.transcoding.requests.InvalidRequest.Location;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The fields of a body message as the parts of a {@code multipart/form-data} body, both ways: one
 * part per field (one per element of a repeated field) named by the field's REST name, as a form
 * field is. A {@code rest2grpc.multipart.v1.FilePart} keeps the part's file name and media type; a
 * {@code bytes} field takes the bytes; a message or map field is a JSON part; anything else is its
 * text form, or JSON where the part's or the recorded ({@code RestField.part_content_type}) media
 * type says so.
 */
final class MultipartFields {
  private static final String FILE_PART = "rest2grpc.multipart.v1.FilePart";
  private static final String OCTET_STREAM = "application/octet-stream";
  private static final String JSON = "application/json";

  private final List<FieldDescriptor> fields = new ArrayList<>();
  private final Map<String, FieldDescriptor> byName = new HashMap<>();
  private final RestJson json;

  /** The fields of {@code type} but the {@code excluded} ones and those recorded as headers or cookies. */
  MultipartFields(Descriptor type, Set<FieldDescriptor> excluded, RestJson json) {
    this.json = json;
    for (FieldDescriptor field : type.getFields()) {
      RestField rest = field.getOptions().getExtension(OptionsProto.field);
      if (excluded.contains(field) || !rest.getHeader().isEmpty() || !rest.getCookie().isEmpty()) {
        continue;
      }
      fields.add(field);
      byName.putIfAbsent(field.getName(), field);
      byName.putIfAbsent(field.getJsonName(), field);
      byName.put(RestJson.restName(field), field);
    }
  }

  // REST -> gRPC

  /**
   * Binds each part to the field its name names (a singular field takes the first such part, a
   * repeated one every part in order); returns the names of the parts that name none.
   */
  List<String> bind(List<Multipart.Part> parts, Message.Builder builder) {
    Map<FieldDescriptor, List<Multipart.Part>> byField = new LinkedHashMap<>();
    List<String> unknown = new ArrayList<>();
    for (Multipart.Part part : parts) {
      FieldDescriptor field = byName.get(part.name());
      if (field == null) {
        unknown.add(part.name());
      } else {
        byField.computeIfAbsent(field, f -> new ArrayList<>()).add(part);
      }
    }
    byField.forEach((field, fieldParts) -> bind(field, field.isRepeated() ? fieldParts : fieldParts.subList(0, 1), builder));
    return unknown;
  }

  private void bind(FieldDescriptor field, List<Multipart.Part> parts, Message.Builder builder) {
    String name = parts.get(0).name();
    if (isFilePart(field)) {
      parts.forEach(part -> put(builder, field, filePart(builder.newBuilderForField(field), part)));
    } else if (field.getType() == FieldDescriptor.Type.BYTES) {
      parts.forEach(part -> put(builder, field, part.data()));
    } else if (field.getType() == FieldDescriptor.Type.STRING) {
      parts.forEach(part -> put(builder, field, text(part)));
    } else if (isJson(field, parts.get(0).contentType())) {
      String value = field.isRepeated() && !field.isMapField()
          ? parts.stream().map(MultipartFields::text).collect(Collectors.joining(",", "[", "]")) : text(parts.get(0));
      parse(name, () -> json.parseField(value, builder, field));
    } else {
      parts.forEach(part -> parse(name, () -> json.parseText(text(part), builder, field)));
    }
  }

  private static Message filePart(Message.Builder file, Multipart.Part part) {
    Descriptor type = file.getDescriptorForType();
    return file.setField(type.findFieldByName("filename"), part.filename())
        .setField(type.findFieldByName("content_type"), part.contentType())
        .setField(type.findFieldByName("data"), part.data())
        .build();
  }

  private static void put(Message.Builder builder, FieldDescriptor field, Object value) {
    if (field.isRepeated()) {
      builder.addRepeatedField(field, value);
    } else {
      builder.setField(field, value);
    }
  }

  /** The part's bytes as text, in its {@code charset} (UTF-8 when it names none). */
  private static String text(Multipart.Part part) {
    String charset = part.contentType().isEmpty() ? null : Multipart.parameters(part.contentType()).get("charset");
    if (charset == null) {
      return part.data().toStringUtf8();
    }
    try {
      return part.data().toString(Charset.forName(charset));
    } catch (IllegalArgumentException e) {
      throw new InvalidRequest(Location.BODY, part.name(), "the part's charset '" + charset + "' is not supported; send UTF-8");
    }
  }

  private static void parse(String name, Runnable parse) {
    try {
      parse.run();
    } catch (RestJsonException e) {
      throw new InvalidRequest(Location.BODY, name, e.pointer().isEmpty() ? e.problem() : e.problem() + " (at " + e.pointer() + ")");
    }
  }

  // gRPC -> REST

  /** The parts of the message's set fields, in declaration order. */
  List<Multipart.Part> print(MessageOrBuilder message) {
    List<Multipart.Part> parts = new ArrayList<>();
    for (FieldDescriptor field : fields) {
      if (!FieldPaths.isSet(message, field)) {
        continue;
      }
      String name = RestJson.restName(field);
      String recorded = field.getOptions().getExtension(OptionsProto.field).getPartContentType();
      if (isJson(field, recorded) && (field.isMapField() || !field.isRepeated())) {
        parts.add(new Multipart.Part(name, "", recorded.isEmpty() ? JSON : recorded, ByteString.copyFromUtf8(json.printField(message, field))));
        continue;
      }
      for (Object value : field.isRepeated() ? (List<?>) message.getField(field) : List.of(message.getField(field))) {
        parts.add(part(field, name, recorded, value));
      }
    }
    return parts;
  }

  private Multipart.Part part(FieldDescriptor field, String name, String recorded, Object value) {
    if (isFilePart(field)) {
      Message file = (Message) value;
      Descriptor type = file.getDescriptorForType();
      return new Multipart.Part(name, (String) file.getField(type.findFieldByName("filename")),
          (String) file.getField(type.findFieldByName("content_type")), (ByteString) file.getField(type.findFieldByName("data")));
    }
    if (field.getType() == FieldDescriptor.Type.BYTES) {
      // the file name is lost with a plain bytes field: the field's name stands in, so that servers
      // which take only parts with a file name as files (Spring's MultipartFile) still see one
      return new Multipart.Part(name, name, recorded.isEmpty() ? OCTET_STREAM : recorded, (ByteString) value);
    }
    if (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE && !ParameterFields.textual(field.getMessageType())) {
      return new Multipart.Part(name, "", recorded.isEmpty() ? JSON : recorded, ByteString.copyFromUtf8(json.print((Message) value)));
    }
    String text = field.getType() == FieldDescriptor.Type.STRING ? (String) value : json.printText(field, value).orElseThrow();
    return new Multipart.Part(name, "", recorded, ByteString.copyFrom(text, StandardCharsets.UTF_8));
  }

  // Helpers

  private static boolean isFilePart(FieldDescriptor field) {
    return field.getJavaType() == FieldDescriptor.JavaType.MESSAGE && field.getMessageType().getFullName().equals(FILE_PART);
  }

  /**
   * Whether the field's part is JSON: always for a map or a message (but a file and the messages
   * with a text form, such as timestamps); for a singular scalar when the media type says JSON;
   * never for strings, bytes and the elements of other repeated fields, which are text.
   */
  private static boolean isJson(FieldDescriptor field, String mediaType) {
    if (field.isMapField()) {
      return true;
    }
    if (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE && !isFilePart(field) && !ParameterFields.textual(field.getMessageType())) {
      return true;
    }
    return !field.isRepeated() && field.getType() != FieldDescriptor.Type.STRING && field.getType() != FieldDescriptor.Type.BYTES
        && MediaTypes.essence(mediaType).contains("json");
  }
}
