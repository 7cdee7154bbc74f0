package io.rest2grpc.transcoding.paging;

import io.rest2grpc.transcoding.http.QueryString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.Message;
import io.rest2grpc.options.v1.PagingStyle;
import io.rest2grpc.options.v1.RestMethod;
import io.rest2grpc.options.v1.RestPaging;
import io.rest2grpc.transcoding.JsonPointer;
import io.rest2grpc.transcoding.http.RestHeaders;
import io.rest2grpc.transcoding.http.RestResponse;
import io.rest2grpc.transcoding.options.EffectiveOptions;
import io.rest2grpc.transcoding.paging.PagingLayout.TokenKind;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Translates one list operation's paging between its legacy REST form ({@link RestPaging}: offset,
 * page number, cursor or next-page URL; envelope, {@code Link} and total headers) and AIP-158
 * ({@code page_size}, {@code page_token}, {@code next_page_token}, {@code total_size}), in the four
 * directions the generated server, the shadow proxy and the REST facade need. Immutable,
 * thread-safe; the transcoding README ("Paging") states the rules.
 *
 * <p>REST query parameters are given and returned as names with their values, in order; only the
 * first value of a paging parameter counts. Responses travel as JSON: the gRPC side in the shape
 * {@code RestJson} parses into (and prints from) the response message, so the items pass through
 * untouched and every REST JSON rule stays the codec's.
 */
public final class PagingTransform {
  /** The ErrorInfo reason of a REST page length outside the bounds the API documents. */
  public static final String PAGE_SIZE_OUT_OF_RANGE = "PAGE_SIZE_OUT_OF_RANGE";
  private final PagingLayout layout;
  private final RestPaging paging;
  private final PageTokens tokens;
  private final GrpcListFields fields;
  private final RestQueryPaging queryPaging;
  private final NextPage nextPage;
  /** Why {@link #toGrpcPage} cannot serve this list; decided once. */
  private final Optional<String> needsTheBody;

  private PagingTransform(PagingLayout layout, PageTokens tokens, GrpcListFields fields) {
    this.layout = layout;
    this.paging = layout.paging();
    this.tokens = tokens;
    this.fields = fields;
    this.queryPaging = new RestQueryPaging(layout);
    this.nextPage = new NextPage(layout, queryPaging);
    this.needsTheBody = needsTheBody(layout);
  }

  /** The transform of {@code paging}; throws {@link IllegalArgumentException} saying what is missing. */
  public static PagingTransform of(RestPaging paging, PageTokens tokens) {
    PagingLayout layout = PagingLayout.of(paging);
    return new PagingTransform(layout, tokens, GrpcListFields.named(paging.getItemsField()));
  }

  /**
   * The transform of a list RPC, from its {@code RestMethod.paging} (read the descriptor set with
   * the options registered: {@code DescriptorSets.load}). Checks the request's AIP-158 fields and
   * the response's items field, and reads the response's JSON names from its descriptor.
   */
  public static PagingTransform of(MethodDescriptor method, PageTokens tokens) {
    RestMethod rest = EffectiveOptions.of(method);
    RestPaging paging = rest.getPaging();
    if (!rest.hasPaging()) {
      throw new IllegalArgumentException(method.getFullName()
          + " has no RestMethod.paging; only list RPCs have a paging transform (regenerate the proto, or set x-grpc-pagination)");
    }
    PagingLayout layout = PagingLayout.of(paging);
    pagingField(method.getInputType(), "page_size", FieldDescriptor.JavaType.INT);
    pagingField(method.getInputType(), "page_token", FieldDescriptor.JavaType.STRING);
    return new PagingTransform(layout, tokens, GrpcListFields.of(method.getOutputType(), paging.getItemsField()));
  }

  public RestPaging paging() {
    return paging;
  }

  /**
   * REST → gRPC request: sets {@code page_size} from the REST page length (absent: 0, the default)
   * and {@code page_token} to a token for the position the query asks for (empty for the first
   * page), minted for the filters already set on {@code request}. Set every other field first.
   * Throws INVALID_ARGUMENT for a paging parameter that is not a number or is negative, and for a
   * page length outside {@code min_page_size}..{@code max_page_size}
   * ({@value #PAGE_SIZE_OUT_OF_RANGE}): the REST API documents its bounds, and its clients get the
   * 400 its validation gives, where a gRPC client's page_size is coerced (AIP-158).
   */
  public <B extends Message.Builder> B toGrpcRequest(Map<String, List<String>> restQuery, B request) {
    Descriptor type = request.getDescriptorForType();
    OptionalInt sent = queryPaging.sentSize(restQuery);
    Optional<RestPosition> position = queryPaging.position(restQuery, type);
    int pageSize = sent.orElse(0);
    request.setField(pagingField(type, "page_size", FieldDescriptor.JavaType.INT), pageSize);
    FiltersHash filters = RequestFilters.hash(request.buildPartial());
    request.setField(pagingField(type, "page_token", FieldDescriptor.JavaType.STRING),
        position.map(p -> tokens.mint(p, filters)).orElse(""));
    return request;
  }

  /**
   * gRPC → REST request: the REST paging query parameters for {@code request}'s page_size and
   * page_token (to merge over the parameters built from its other fields: these replace any of
   * the same name). The page length is page_size (coerced to {@code max_page_size}), else
   * {@code default_page_size}, else left out. A list whose REST API has no paging sends no position
   * (and without a size parameter nothing): the REST API returns the whole list, and {@link #toGrpcResponse(Message, Map, RestResponse)} slices
   * it. Throws INVALID_ARGUMENT for a negative page_size or a page token that does not decode for
   * this request ({@link PageTokens#decode}).
   */
  public Map<String, List<String>> toRestQuery(Message request) {
    Descriptor type = request.getDescriptorForType();
    int pageSize = (Integer) request.getField(pagingField(type, "page_size", FieldDescriptor.JavaType.INT));
    if (pageSize < 0) {
      throw InvalidPageToken.invalidArgument("page_size", "PAGE_SIZE_NEGATIVE", "page_size is " + pageSize
          + "; send 0 for the default page length, or a positive number", Map.of("pageSize", Integer.toString(pageSize)));
    }
    String token = (String) request.getField(pagingField(type, "page_token", FieldDescriptor.JavaType.STRING));
    Optional<RestPosition> position = tokens.decode(token, RequestFilters.hash(request));
    int size = pageSize == 0 ? paging.getDefaultPageSize()
        : paging.getMaxPageSize() > 0 ? Math.min(pageSize, paging.getMaxPageSize()) : pageSize;
    Map<String, List<String>> query = new LinkedHashMap<>();
    if (layout.kind() == TokenKind.NONE) {
      offset(position); // checked here; the REST API returns the whole list, which toGrpcResponse slices
    } else if (position.isPresent()) {
      query.putAll(positionParameters(position.get(), size));
    }
    if (size > 0 && !paging.getSizeParameter().isEmpty()) {
      List<String> sizeValue = List.of(Integer.toString(size));
      if (pageSize > 0 && layout.kind() == TokenKind.QUERY) {
        query.put(paging.getSizeParameter(), sizeValue); // page_size may change from the legacy next URL's
      } else {
        query.putIfAbsent(paging.getSizeParameter(), sizeValue); // a translated page keeps its own length
      }
    }
    return query;
  }

  /**
   * REST → gRPC response: the list response {@code response} (to the request with query
   * parameters {@code restQuery}) as the gRPC response's JSON, for {@code RestJson.parse}: the
   * items as sent under the items field, {@code next_page_token} (empty only at the known end,
   * minted for {@code filters}, the gRPC request's), {@code total_size} where the legacy API gives a
   * total, and the envelope's other members as sent. The paging members (the "more" flag, total,
   * next cursor, next URL) are left out: the token and total_size carry them.
   */
  public String toGrpcResponse(Map<String, List<String>> restQuery, RestResponse response, FiltersHash filters) {
    Object body = JsonTree.parse(response.body().toStringUtf8(), "the REST list response body");
    List<Object> items = nextPage.items(body);
    NextPage.Facts facts = nextPage.facts(body, items, response.headers());
    return grpcResponse(body, facts, items, nextPage.after(restQuery, facts), filters);
  }

  /**
   * REST → gRPC response for the gRPC request {@code request} that {@link #toRestQuery} translated:
   * as {@link #toGrpcResponse(Map, RestResponse, FiltersHash)}, and for a list whose REST API has no
   * paging at all (PAGING_STYLE_NONE without a size parameter), the page the request asks for,
   * sliced from the whole collection the REST API returned: page_size items (0: all the rest) from the offset its page_token carries, and
   * a next_page_token while items remain. Throws INVALID_ARGUMENT for a page token that does not
   * decode for this request.
   */
  public String toGrpcResponse(Message request, Map<String, List<String>> restQuery, RestResponse response) {
    FiltersHash filters = RequestFilters.hash(request);
    if (!slicesWholeList()) {
      return toGrpcResponse(restQuery, response, filters);
    }
    Object body = JsonTree.parse(response.body().toStringUtf8(), "the REST list response body");
    List<Object> all = nextPage.items(body);
    NextPage.Facts facts = nextPage.facts(body, all, response.headers());
    Slice slice = slice(request, filters, all.size());
    return grpcResponse(body, facts, all.subList(slice.from(), slice.to()), slice.next(), filters);
  }

  /**
   * The paging fields of a list response whose items the caller mapped itself: a typed call, which
   * calls the list's handler in process and maps the {@code count} items it returned into the items
   * field. {@code headers} are the handler's, {@code restQuery} the REST form of {@code request}
   * ({@link #toRestQuery} included). Only for a list whose REST page is the bare array of its items
   * ({@link #needsTheBody} is empty): its paging is all in the query and the headers.
   *
   * @return the items to keep (all of them, except where a list without REST paging is sliced as in
   *     {@link #toGrpcResponse(Message, Map, RestResponse)}), next_page_token and total_size
   */
  public Page toGrpcPage(Message request, Map<String, List<String>> restQuery, int count, RestHeaders headers) {
    needsTheBody.ifPresent(reason -> {
      throw new IllegalStateException(reason);
    });
    FiltersHash filters = RequestFilters.hash(request);
    NextPage.Facts facts = nextPage.counted(count, headers);
    Slice slice = slicesWholeList() ? slice(request, filters, count) : new Slice(0, count, nextPage.after(restQuery, facts));
    return new Page(slice.from(), slice.to(), slice.next().map(p -> tokens.mint(p, filters)).orElse(""), facts.total());
  }

  /**
   * Why the paging of a list cannot be read from its query, headers and item count alone (the REST
   * page is an envelope with paging members, or the next cursor is read from the last item); empty
   * when it can, as {@link #toGrpcPage} needs.
   */
  public Optional<String> needsTheBody() {
    return needsTheBody;
  }

  private static Optional<String> needsTheBody(PagingLayout layout) {
    if (!layout.items().isRoot()) {
      return Optional.of("its REST page is an envelope (items at \"" + layout.items() + "\"), whose paging members are in the body");
    }
    String itemMember = layout.paging().getCursorItemMember();
    if (layout.kind() == TokenKind.CURSOR && !itemMember.isEmpty()) {
      return Optional.of("its next cursor is the last item's '" + itemMember + "'");
    }
    return Optional.empty();
  }

  /**
   * A typed list response's paging.
   *
   * @param from the first of the returned items to keep
   * @param to the end (exclusive) of the items to keep
   * @param totalSize the total the REST API gave, if it gives one
   */
  public record Page(int from, int to, String nextPageToken, Optional<BigInteger> totalSize) {}

  /** The items from..to of the whole list a page token asks for, and the position after them. */
  private record Slice(int from, int to, Optional<RestPosition> next) {}

  /** A list whose REST API has no paging at all: it returns the whole collection, which the gRPC side pages. */
  private boolean slicesWholeList() {
    return layout.kind() == TokenKind.NONE && paging.getSizeParameter().isEmpty();
  }

  private Slice slice(Message request, FiltersHash filters, int all) {
    Descriptor type = request.getDescriptorForType();
    int pageSize = (Integer) request.getField(pagingField(type, "page_size", FieldDescriptor.JavaType.INT));
    long from = offset(tokens.decode((String) request.getField(pagingField(type, "page_token", FieldDescriptor.JavaType.STRING)),
        filters));
    int start = (int) Math.min(from, all);
    int end = pageSize <= 0 ? all : (int) Math.min((long) start + pageSize, all);
    return new Slice(start, end, end < all ? Optional.of(RestPosition.offset(end)) : Optional.empty());
  }

  private String grpcResponse(Object body, NextPage.Facts facts, List<Object> items, Optional<RestPosition> next,
      FiltersHash filters) {
    Map<String, Object> grpc = new LinkedHashMap<>();
    grpc.put(fields.items().protoName(), items);
    grpc.put(fields.nextPageToken().protoName(), next.map(p -> tokens.mint(p, filters)).orElse(""));
    facts.total().ifPresent(total -> grpc.put(fields.totalSize().protoName(), total));
    Map<String, Object> envelope = JsonTree.asObject(body);
    if (envelope != null) {
      for (Optional<JsonPointer> member : List.of(Optional.of(layout.items()), layout.hasMore(), layout.total(),
          layout.nextCursor(), layout.nextUrl())) {
        member.ifPresent(pointer -> TreePointers.remove(pointer, body));
      }
      envelope.forEach(grpc::putIfAbsent);
    }
    return JsonTree.print(grpc);
  }

  /**
   * gRPC → REST response (the facade): the REST list response for the gRPC response JSON (as
   * {@code RestJson} prints it), answering the REST request at {@code path} (the URL without its
   * query, as the next-page URL should start: {@code /v1/items} or {@code https://api.example.com/v1/items})
   * with query parameters {@code restQuery}. {@code filters} are the gRPC request's, to decode
   * next_page_token. Items go back at their pointer, the envelope members as they came, and the
   * paging members and headers are rebuilt from next_page_token and total_size.
   */
  public RestListResponse toRestResponse(String grpcResponseJson, String path, Map<String, List<String>> restQuery,
      FiltersHash filters) {
    Map<String, Object> grpc = JsonTree.asObject(JsonTree.parse(grpcResponseJson, "the gRPC list response JSON"));
    if (grpc == null) {
      throw new IllegalArgumentException("the gRPC list response JSON is not an object; pass RestJson.print of the response");
    }
    List<Object> items = Optional.ofNullable(JsonTree.asArray(take(grpc, fields.items()))).orElseGet(ArrayList::new);
    String token = Optional.ofNullable(JsonTree.scalarText(take(grpc, fields.nextPageToken()))).orElse("");
    String totalText = JsonTree.scalarText(take(grpc, fields.totalSize()));
    BigInteger total = totalText == null ? BigInteger.ZERO : new BigInteger(totalText);
    Optional<RestPosition> next = tokens.decode(token, filters);
    Optional<String> nextUrl = next.filter(p -> layout.hasNextUrl()).map(p -> pageUrl(p, path, restQuery));

    List<RestHeaders.Header> headers = new ArrayList<>();
    if (!paging.getTotalHeader().isEmpty()) {
      headers.add(new RestHeaders.Header(paging.getTotalHeader(), total.toString()));
    }
    if (paging.getLinkHeader()) {
      List<String> links = links(nextUrl, total, path, restQuery);
      if (!links.isEmpty()) {
        headers.add(new RestHeaders.Header("Link", String.join(", ", links)));
      }
    }
    if (layout.items().isRoot()) {
      return new RestListResponse(JsonTree.print(items), new RestHeaders(headers));
    }
    TreePointers.set(layout.items(), grpc, items);
    layout.hasMore().ifPresent(p -> TreePointers.set(p, grpc, next.isPresent()));
    layout.total().ifPresent(p -> TreePointers.set(p, grpc, total));
    if (layout.kind() == TokenKind.CURSOR) {
      layout.nextCursor().ifPresent(p -> setOrEnd(p, grpc, next.map(c -> ((RestPosition.Cursor) c).value())));
    }
    if (!paging.getLinkHeader()) {
      layout.nextUrl().ifPresent(p -> setOrEnd(p, grpc, nextUrl));
    }
    return new RestListResponse(JsonTree.print(grpc), new RestHeaders(headers));
  }

  /** The REST parameters that ask for {@code position} in pages of {@code size} (0: unknown). */
  private Map<String, List<String>> positionParameters(RestPosition position, int size) {
    Map<String, List<String>> parameters = new LinkedHashMap<>();
    if (layout.kind() == TokenKind.OFFSET && position instanceof RestPosition.Offset offset) {
      parameters.put(paging.getOffsetParameter(), List.of(Long.toString(offset.value())));
    } else if (layout.kind() == TokenKind.PAGE && position instanceof RestPosition.Page page) {
      PageTranslation translated = size == 0 ? new PageTranslation(page.number(), page.size())
          : PageTranslation.of(page, paging.getFirstPage(), size);
      parameters.put(paging.getPageParameter(), List.of(Long.toString(translated.number())));
      if (!paging.getSizeParameter().isEmpty()) {
        parameters.put(paging.getSizeParameter(), List.of(Integer.toString(translated.size())));
      }
    } else if (layout.kind() == TokenKind.CURSOR && position instanceof RestPosition.Cursor cursor) {
      parameters.put(paging.getCursorParameter(), List.of(cursor.value()));
    } else if (layout.kind() == TokenKind.QUERY && position instanceof RestPosition.Cursor query) {
      parameters.putAll(QueryString.decode(query.value()));
    } else {
      throw InvalidPageToken.invalidArgument("page_token", "PAGE_TOKEN_STYLE_MISMATCH", "page_token holds a "
          + position.getClass().getSimpleName().toLowerCase() + " position, but this list pages by "
          + paging.getStyle() + " (its paging changed since the token was issued): omit page_token to start again",
          Map.of("style", paging.getStyle().name()));
    }
    return parameters;
  }

  /** Sets the next cursor or URL at {@code at}, or marks the last page there as the body does ({@code page_end}). */
  private void setOrEnd(JsonPointer at, Map<String, Object> body, Optional<String> next) {
    if (next.isPresent()) {
      TreePointers.set(at, body, next.get());
      return;
    }
    switch (paging.getPageEnd()) {
      case PAGE_END_EMPTY -> TreePointers.set(at, body, "");
      case PAGE_END_ABSENT -> TreePointers.remove(at, body);
      default -> TreePointers.set(at, body, JsonTree.NULL);
    }
  }

  /**
   * The Link header's links, in the order first, prev, next, last: next where there is a next page,
   * and the recorded {@code link_relations} this list can rebuild from the request's position and
   * the total (OFFSET and PAGE only; last only where the total is known).
   */
  private List<String> links(Optional<String> nextUrl, BigInteger total, String path, Map<String, List<String>> restQuery) {
    Map<String, RestPosition> others = new LinkedHashMap<>();
    int size = queryPaging.servedSize(restQuery).orElse(0);
    boolean totalKnown = !paging.getTotalHeader().isEmpty() || layout.total().isPresent();
    long pages = size == 0 ? 0 : Math.max(total.add(BigInteger.valueOf(size - 1)).divide(BigInteger.valueOf(size)).longValue(), 1);
    if (layout.kind() == TokenKind.PAGE) {
      long current = queryPaging.page(restQuery);
      int first = paging.getFirstPage();
      others.put("first", RestPosition.page(first, size));
      others.put("prev", current > first ? RestPosition.page(current - 1, size) : null);
      others.put("last", totalKnown && size > 0 ? RestPosition.page(first + pages - 1, size) : null);
    } else if (layout.kind() == TokenKind.OFFSET) {
      long current = queryPaging.startOffset(restQuery).orElse(0);
      others.put("first", RestPosition.offset(0));
      others.put("prev", current > 0 && size > 0 ? RestPosition.offset(Math.max(0, current - size)) : null);
      others.put("last", totalKnown && size > 0 ? RestPosition.offset((pages - 1) * size) : null);
    }
    List<String> links = new ArrayList<>();
    for (String relation : List.of("first", "prev", "next", "last")) {
      if (relation.equals("next")) {
        nextUrl.ifPresent(url -> links.add(LinkHeader.link(url, "next")));
      } else if (paging.getLinkRelationsList().contains(relation) && others.get(relation) != null) {
        links.add(LinkHeader.link(pageUrl(others.get(relation), path, restQuery), relation));
      }
    }
    return links;
  }

  /** The REST URL of the page at {@code next}: the request's own, with the position parameters replaced. */
  private String pageUrl(RestPosition next, String path, Map<String, List<String>> restQuery) {
    if (layout.kind() == TokenKind.QUERY) {
      return path + "?" + ((RestPosition.Cursor) next).value(); // the legacy API's own next query, verbatim
    }
    int size = queryPaging.servedSize(restQuery).orElse(0);
    Map<String, List<String>> parameters = positionParameters(next, size);
    if (next instanceof RestPosition.Page page && page.size() == size && queryPaging.sentSize(restQuery).isEmpty()) {
      parameters.remove(paging.getSizeParameter()); // the client relied on the default length: so does the link
    }
    return path + "?" + QueryString.encode(QueryString.overlay(restQuery, parameters));
  }

  /** The offset a page token of a list without REST paging carries (0 without a token). */
  private static long offset(Optional<RestPosition> position) {
    if (position.isEmpty()) {
      return 0;
    }
    if (position.get() instanceof RestPosition.Offset offset) {
      return offset.value();
    }
    throw InvalidPageToken.invalidArgument("page_token", "PAGE_TOKEN_STYLE_MISMATCH", "page_token holds a "
        + position.get().getClass().getSimpleName().toLowerCase() + " position, but this list has no REST paging and pages by "
        + "offset into the whole list (its paging changed since the token was issued): omit page_token to start again",
        Map.of("style", PagingStyle.PAGING_STYLE_NONE.name()));
  }

  private static Object take(Map<String, Object> grpc, GrpcListFields.Names names) {
    Object value = null;
    for (String name : names.accepted()) {
      Object found = grpc.remove(name);
      value = value == null ? found : value;
    }
    return value == JsonTree.NULL ? null : value;
  }

  private static FieldDescriptor pagingField(Descriptor request, String name, FieldDescriptor.JavaType type) {
    FieldDescriptor field = request.findFieldByName(name);
    if (field == null || field.isRepeated() || field.getJavaType() != type) {
      throw new IllegalArgumentException(request.getFullName() + " has no " + (type == FieldDescriptor.JavaType.INT
          ? "int32" : "string") + " field '" + name + "'; a list request has page_size and page_token (AIP-158)");
    }
    return field;
  }
}
