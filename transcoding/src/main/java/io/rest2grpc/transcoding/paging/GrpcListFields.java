package io.rest2grpc.transcoding.paging;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The AIP-158 fields of a gRPC list response as they appear in its REST JSON: written under the
 * proto name, which {@code RestJson} always parses; read under any name {@code RestJson} may print
 * (the field's {@code rest_name}, else its JSON name) or parse.
 */
record GrpcListFields(Names items, Names nextPageToken, Names totalSize) {
  static final String NEXT_PAGE_TOKEN = "next_page_token";
  static final String TOTAL_SIZE = "total_size";

  record Names(String protoName, List<String> accepted) {}

  /** Without a descriptor: the proto names and their default JSON names. */
  static GrpcListFields named(String itemsField) {
    return new GrpcListFields(byName(itemsField), byName(NEXT_PAGE_TOKEN), byName(TOTAL_SIZE));
  }

  /** From the response message's fields; {@code itemsField} must be a repeated one. */
  static GrpcListFields of(Descriptor response, String itemsField) {
    FieldDescriptor items = response.findFieldByName(itemsField);
    if (items == null || !items.isRepeated() || items.isMapField()) {
      throw new IllegalArgumentException(response.getFullName() + " has no repeated field '" + itemsField
          + "' (RestPaging.items_field); name the field that holds the items (field 1, AIP-158)");
    }
    return new GrpcListFields(names(items), names(response, NEXT_PAGE_TOKEN), names(response, TOTAL_SIZE));
  }

  private static Names names(Descriptor response, String name) {
    FieldDescriptor field = response.findFieldByName(name);
    return field == null ? byName(name) : names(field);
  }

  private static Names names(FieldDescriptor field) {
    return new Names(field.getName(), List.copyOf(new LinkedHashSet<>(RestQueryPaging.restNames(field))));
  }

  private static Names byName(String protoName) {
    return new Names(protoName, List.copyOf(new LinkedHashSet<>(List.of(jsonName(protoName), protoName))));
  }

  /** protoc's default JSON name: each '_' dropped and the letter after it upper-cased. */
  private static String jsonName(String protoName) {
    StringBuilder name = new StringBuilder();
    boolean upper = false;
    for (char c : protoName.toCharArray()) {
      if (c == '_') {
        upper = true;
      } else {
        name.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return name.toString();
  }
}
