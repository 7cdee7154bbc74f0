package io.rest2grpc.transcoding.responses;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import io.rest2grpc.options.v1.RestPaging;
import io.rest2grpc.transcoding.JsonPointer;
import io.rest2grpc.transcoding.http.RestHeaders;
import io.rest2grpc.transcoding.http.RestResponse;
import io.rest2grpc.transcoding.json.RestJson;
import io.rest2grpc.transcoding.json.RestJsonException;
import io.rest2grpc.transcoding.paging.PagingTransform;
import io.rest2grpc.transcoding.paging.RequestFilters;
import io.rest2grpc.transcoding.paging.RestListResponse;
import java.math.BigInteger;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * A list's response through {@link PagingTransform}: the envelope (or bare array) and the paging
 * headers it owns, {@code Link} and the total header, which it rebuilds from next_page_token and
 * total_size rather than carrying them as metadata.
 */
final class PagedBody {
  private final PagingTransform paging;
  private final RestJson json;
  private final String method;
  private final String mediaType;
  private final Set<String> ownedHeaders = new HashSet<>();
  private final boolean pagingInTheBody;

  PagedBody(PagingTransform paging, RestJson json, String method, String mediaType) {
    this.paging = paging;
    this.json = json;
    this.method = method;
    this.mediaType = mediaType;
    RestPaging options = paging.paging();
    this.pagingInTheBody = paging.needsTheBody().isPresent();
    if (options.getLinkHeader()) {
      ownedHeaders.add("link");
    }
    if (!options.getTotalHeader().isEmpty()) {
      ownedHeaders.add(options.getTotalHeader().toLowerCase(Locale.ROOT));
    }
  }

  boolean owns(String header) {
    return ownedHeaders.contains(header.toLowerCase(Locale.ROOT));
  }

  String mediaType() {
    return mediaType;
  }

  RestListResponse print(Message response, ResponseContext context) {
    return paging.toRestResponse(json.print(response), context.path(), context.queryParameters(),
        RequestFilters.hash(context.request()));
  }

  /**
   * The paging fields of a list message its caller mapped from the handler's answer: from the item count and the
   * headers ({@link PagingTransform#toGrpcPage}) where the REST page is a bare array; where its paging is in the body
   * (an envelope's next cursor, the last item's cursor member), from the REST page the mapped message prints as,
   * read as {@link #parse} reads a REST answer.
   */
  <M extends Message> M complete(M mapped, RestHeaders headers, ResponseContext context) {
    Descriptor type = mapped.getDescriptorForType(); // the caller's generated class: its own descriptor, not the engine's
    FieldDescriptor items = type.findFieldByName(paging.paging().getItemsField());
    if (pagingInTheBody) {
      String page = paging.paging().getItems().isEmpty() ? json.printField(mapped, items) : json.print(mapped);
      Message.Builder builder = mapped.newBuilderForType();
      parse(new RestResponse(200, headers, mediaType, ByteString.copyFromUtf8(page)), context, builder);
      @SuppressWarnings("unchecked") // a builder of an M builds an M
      M completed = (M) builder.build();
      return completed;
    }
    int count = mapped.getRepeatedFieldCount(items);
    PagingTransform.Page page = paging.toGrpcPage(context.request(), context.queryParameters(), count, headers);
    Message.Builder builder = mapped.toBuilder();
    if (page.from() > 0 || page.to() < count) {
      builder.clearField(items);
      for (int i = page.from(); i < page.to(); i++) {
        builder.addRepeatedField(items, mapped.getRepeatedField(items, i));
      }
    }
    set(builder, type.findFieldByName("next_page_token"), page.nextPageToken());
    page.totalSize().ifPresent(total -> set(builder, type.findFieldByName("total_size"), total));
    @SuppressWarnings("unchecked") // toBuilder().build() of an M is an M
    M completed = (M) builder.build();
    return completed;
  }

  private static void set(Message.Builder builder, FieldDescriptor field, Object value) {
    if (field == null) {
      return; // the response has no such field (AIP-158 makes total_size optional)
    }
    builder.setField(field, switch (field.getJavaType()) {
      case INT -> ((BigInteger) value).intValueExact();
      case LONG -> ((BigInteger) value).longValueExact();
      case STRING -> value;
      default -> throw new IllegalArgumentException(field.getFullName() + " is a " + field.getType()
          + "; next_page_token is a string and total_size an integer (AIP-158)");
    });
  }

  void parse(RestResponse rest, ResponseContext context, Message.Builder response) {
    String grpcJson;
    try {
      grpcJson = paging.toGrpcResponse(context.request(), context.queryParameters(), rest);
    } catch (IllegalArgumentException e) { // not JSON, or no array where the items should be: the message names the pointer
      throw new ResponseBodyException(method, "", e.getMessage(), e);
    }
    try {
      json.parse(grpcJson, response);
    } catch (RestJsonException e) { // the items moved from their REST pointer to the items field: point back at them
      throw ResponseBodyException.of(method, e, JsonPointer.child("", paging.paging().getItemsField()), paging.paging().getItems());
    }
  }
}
