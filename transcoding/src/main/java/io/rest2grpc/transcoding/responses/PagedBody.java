package io.rest2grpc.transcoding.responses;

import com.google.protobuf.Message;
import io.rest2grpc.options.v1.RestPaging;
import io.rest2grpc.transcoding.JsonPointer;
import io.rest2grpc.transcoding.http.RestResponse;
import io.rest2grpc.transcoding.json.RestJson;
import io.rest2grpc.transcoding.json.RestJsonException;
import io.rest2grpc.transcoding.paging.PagingTransform;
import io.rest2grpc.transcoding.paging.RequestFilters;
import io.rest2grpc.transcoding.paging.RestListResponse;
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

  PagedBody(PagingTransform paging, RestJson json, String method, String mediaType) {
    this.paging = paging;
    this.json = json;
    this.method = method;
    this.mediaType = mediaType;
    RestPaging options = paging.paging();
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
