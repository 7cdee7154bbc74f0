package io.rest2grpc.transcoding.requests;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import com.google.protobuf.MessageOrBuilder;
import io.rest2grpc.transcoding.json.RestJson;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * JSON merge patch (RFC 7396) ⇄ the patched message plus an AIP-134 {@code update_mask}: a key the
 * patch sets or nulls is a path of the mask (an object into a message field: one path per key inside
 * it; an object into a map field: one AIP-161 path per entry, {@code labels.`a-b`}); a path whose
 * field is unset is a clear. So absent keeps, {@code null} clears, nested objects merge, both ways.
 */
final class MergePatch {
  private static final JsonFactory FACTORY = new JsonFactory();
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private final RestJson json;

  MergePatch(RestJson json) {
    this.json = json;
  }

  /** The mask paths of a patch for a message of {@code type} (proto field names, relative to it). */
  List<String> paths(String patch, Descriptor type) {
    List<String> mask = new ArrayList<>();
    try (JsonParser in = FACTORY.createParser(patch)) {
      if (in.nextToken() == JsonToken.START_OBJECT) {
        collect(in, type, "", mask);
      }
    } catch (IOException e) {
      throw new InvalidRequest(InvalidRequest.Location.BODY, "", "malformed JSON merge patch: " + e.getMessage());
    }
    return mask;
  }

  private static void collect(JsonParser in, Descriptor type, String prefix, List<String> mask) throws IOException {
    while (in.nextToken() == JsonToken.FIELD_NAME) {
      String name = in.currentName();
      JsonToken value = in.nextToken();
      FieldDescriptor field = property(type, name);
      if (field == null) {
        in.skipChildren(); // the codec reports unknown properties
      } else if (value == JsonToken.START_OBJECT && field.isMapField()) {
        while (in.nextToken() == JsonToken.FIELD_NAME) {
          mask.add(prefix + field.getName() + "." + key(in.currentName()));
          in.nextToken();
          in.skipChildren();
        }
      } else if (value == JsonToken.START_OBJECT && mergeable(field)) {
        collect(in, field.getMessageType(), prefix + field.getName() + ".", mask);
      } else {
        mask.add(prefix + field.getName());
        in.skipChildren();
      }
    }
  }

  /** The merge patch of {@code message} under {@code mask}: each path's value, null where its field is unset. */
  String patch(MessageOrBuilder message, List<String> mask) {
    Map<String, Object> root = new LinkedHashMap<>();
    for (String path : mask) {
      List<String> names = split(path);
      Map<String, Object> object = root;
      MessageOrBuilder holder = message; // null below an unset message: its keys are cleared one by one
      Descriptor type = message.getDescriptorForType();
      for (int i = 0; i < names.size(); i++) {
        FieldDescriptor field = type == null ? null : type.findFieldByName(names.get(i));
        if (field == null) {
          throw new IllegalArgumentException("update_mask path '" + path + "' names no field of " + message.getDescriptorForType().getFullName());
        }
        String property = RestJson.restName(field);
        if (field.isMapField() && i == names.size() - 2) {
          child(object, property).put(names.get(i + 1), holder == null ? "null" : entryJson(holder, field, names.get(i + 1)));
          break;
        }
        if (i == names.size() - 1) {
          object.put(property, holder != null && (FieldPaths.isSet(holder, field) || field.isRepeated()) ? json.printField(holder, field) : "null");
        } else {
          object = child(object, property);
          holder = holder != null && holder.hasField(field) ? (MessageOrBuilder) holder.getField(field) : null;
          type = field.getJavaType() == FieldDescriptor.JavaType.MESSAGE ? field.getMessageType() : null;
        }
      }
    }
    return write(root);
  }

  private String entryJson(MessageOrBuilder holder, FieldDescriptor map, String key) {
    FieldDescriptor keyField = map.getMessageType().findFieldByNumber(1);
    FieldDescriptor valueField = map.getMessageType().findFieldByNumber(2);
    for (Object entry : (List<?>) holder.getField(map)) {
      Message e = (Message) entry;
      if (String.valueOf(e.getField(keyField)).equals(key)) {
        return json.printField(e, valueField);
      }
    }
    return "null";
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> child(Map<String, Object> object, String property) {
    Object existing = object.get(property);
    if (existing instanceof Map<?, ?> map) {
      return (Map<String, Object>) map;
    }
    Map<String, Object> created = new LinkedHashMap<>();
    object.put(property, created);
    return created;
  }

  private static String write(Map<String, Object> root) {
    StringWriter text = new StringWriter();
    try (JsonGenerator out = FACTORY.createGenerator(text)) {
      write(root, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter does not fail
    }
    return text.toString();
  }

  @SuppressWarnings("unchecked")
  private static void write(Map<String, Object> object, JsonGenerator out) throws IOException {
    out.writeStartObject();
    for (Map.Entry<String, Object> member : object.entrySet()) {
      out.writeFieldName(member.getKey());
      if (member.getValue() instanceof Map<?, ?> nested) {
        write((Map<String, Object>) nested, out);
      } else {
        out.writeRawValue((String) member.getValue());
      }
    }
    out.writeEndObject();
  }

  /** A message field whose object merges key by key (not a well-known type printed as one value, not a Struct). */
  private static boolean mergeable(FieldDescriptor field) {
    return field.getJavaType() == FieldDescriptor.JavaType.MESSAGE && !field.isRepeated()
        && !field.getMessageType().getFile().getPackage().equals("google.protobuf");
  }

  private static FieldDescriptor property(Descriptor type, String name) {
    for (FieldDescriptor field : type.getFields()) {
      if (RestJson.restName(field).equals(name)) {
        return field;
      }
    }
    return null;
  }

  /** A map key as an AIP-161 path segment: as it is when it is an identifier, else in backticks. */
  private static String key(String key) {
    return IDENTIFIER.matcher(key).matches() ? key : "`" + key.replace("`", "\\`") + "`";
  }

  /** The segments of a path, backtick-quoted keys unquoted. */
  private static List<String> split(String path) {
    List<String> names = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (quoted && c == '\\' && i + 1 < path.length()) {
        current.append(path.charAt(++i));
      } else if (c == '`') {
        quoted = !quoted;
      } else if (c == '.' && !quoted) {
        names.add(current.toString());
        current.setLength(0);
      } else {
        current.append(c);
      }
    }
    names.add(current.toString());
    return names;
  }
}
