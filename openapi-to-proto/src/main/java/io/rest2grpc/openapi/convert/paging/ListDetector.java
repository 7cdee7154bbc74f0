package io.rest2grpc.openapi.convert.paging;

import static io.rest2grpc.openapi.convert.schemas.ObjectProperties.find;
import static io.rest2grpc.openapi.convert.schemas.ObjectProperties.pointer;

import com.fasterxml.jackson.databind.JsonNode;
import io.rest2grpc.openapi.diagnostics.ConversionException;
import io.rest2grpc.openapi.diagnostics.SourceLocation;
import io.rest2grpc.openapi.convert.schemas.ObjectProperties;
import io.rest2grpc.openapi.convert.schemas.Schemas;
import io.rest2grpc.openapi.read.Located;
import io.rest2grpc.options.v1.PageEnd;
import io.rest2grpc.options.v1.PagingStyle;
import io.rest2grpc.options.v1.RestPaging;
import io.rest2grpc.transcoding.JsonPointer;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Recognises list operations and how they page, by the heuristics in the module README
 * ("Pagination"): a GET whose success body is a collection (a bare array, or an object whose main
 * member is one array), with its paging parameters, and the envelope members and headers that say
 * where the next page is and how many items there are. Measured against hand labels
 * ({@code ListDetectionTest}).
 */
public final class ListDetector {
  private static final List<String> ITEMS = List.of("data", "items", "results", "entries", "records", "values", "elements",
      "content", "list", "hits", "rows", "resources", "objects", "members", "collection");
  /** AIP-158's own names come first: a REST parameter called page_size or page_token is the one the AIP field replaces. */
  private static final List<String> SIZE = List.of("page_size", "pagesize", "limit", "per_page", "perpage", "size", "count",
      "max_results", "maxresults", "take", "top", "$top", "rows", "num", "max", "maxitems", "max_items", "first");
  private static final List<String> OFFSET = List.of("offset", "skip", "start", "startindex", "start_index", "$skip");
  private static final List<String> PAGE = List.of("page", "page_number", "pagenumber", "pageno", "page_num", "pagenum", "pageindex");
  private static final List<String> CURSOR = List.of("page_token", "pagetoken", "cursor", "after", "starting_after", "next_token",
      "nexttoken", "marker", "continuation", "continuation_token", "continuationtoken", "max_id", "pagination_token",
      "starting_token", "next_cursor", "stream_position", "since_id", "min_id", "before", "ending_before", "next");
  private static final List<String> NEXT_CURSOR = List.of("next_page_token", "nextpagetoken", "next_cursor", "nextcursor",
      "next_marker", "nextmarker", "next_token", "nexttoken", "cursor", "continuation", "continuation_token",
      "next_stream_position", "after", "last_id");
  /** Cursor parameters that take an item's id (after=<last id>), unlike opaque tokens (cursor, page_token, marker). */
  private static final Set<String> ID_CURSORS = Set.of("after", "starting_after", "before", "ending_before", "max_id", "since_id",
      "min_id");
  private static final List<String> NEXT_URL = List.of("next_page_uri", "next_page_url", "nextpageuri", "nextpageurl", "next_url",
      "nexturl", "next", "next_page", "nextpage", "next_link", "nextlink");
  private static final List<String> HAS_MORE = List.of("has_more", "hasmore", "has_next", "hasnext", "more", "has_next_page",
      "hasnextpage", "more_results");
  private static final List<String> TOTAL = List.of("total_count", "totalcount", "total", "total_size", "totalsize",
      "total_results", "totalresults", "total_items", "totalitems", "total_entries", "count");
  private static final List<String> WRAPPERS = List.of("meta", "pagination", "paging", "page_info", "pageinfo", "links", "_links",
      "cursor");
  /** Envelope members that describe the page or the list rather than being content. */
  private static final List<String> ENVELOPE = List.of("object", "kind", "type", "url", "uri", "href", "self", "links", "_links",
      "meta", "first_page_uri", "previous_page_uri", "previous", "prev", "first", "last", "end", "start", "page_size", "pagesize",
      "limit", "offset", "page", "per_page", "cursors", "order", "sort");
  private static final Set<String> TOTAL_HEADERS = Set.of("x-total-count", "total-count", "x-total", "x-total-results");

  /**
   * What detection found; pointers are RFC 6901 into the REST body. {@code envelopeMember} names the
   * member that holds the paged envelope ({@code {albums: {items, next}}}), null when it is the body.
   */
  public record ListShape(PagingStyle style, String sizeParameter, String offsetParameter, String pageParameter, int firstPage,
      String cursorParameter, String items, String envelopeMember, String itemsMember, String nextCursor, String cursorItemMember,
      String hasMore, String total,
      String totalHeader, String nextUrl, boolean linkHeader, List<String> linkRelations, PageEnd pageEnd, Integer defaultPageSize,
      Integer maxPageSize, Integer minPageSize, List<String> doubts) {

    /** Whether the REST query parameter {@code name} pages (page_size and page_token replace it). */
    public boolean isPagingParameter(String name) {
      return name.equals(sizeParameter) || name.equals(offsetParameter) || name.equals(pageParameter) || name.equals(cursorParameter);
    }

    /** The shape under RestPaging's field names, as x-grpc-pagination writes it but for the style, a constant (overrides merge into it). */
    Map<String, Object> toMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("style", style);
      putIfSet(m, "size_parameter", sizeParameter);
      putIfSet(m, "offset_parameter", offsetParameter);
      putIfSet(m, "page_parameter", pageParameter);
      if (pageParameter != null) {
        m.put("first_page", firstPage);
      }
      putIfSet(m, "cursor_parameter", cursorParameter);
      m.put("items", items);
      putIfSet(m, "next_cursor", nextCursor);
      putIfSet(m, "cursor_item_member", cursorItemMember);
      putIfSet(m, "has_more", hasMore);
      putIfSet(m, "total", total);
      putIfSet(m, "total_header", totalHeader);
      putIfSet(m, "next_url", nextUrl);
      if (linkHeader) {
        m.put("link_header", true);
      }
      if (!linkRelations.isEmpty()) {
        m.put("link_relations", linkRelations);
      }
      putIfSet(m, "page_end", pageEnd);
      putIfSet(m, "default_page_size", defaultPageSize);
      putIfSet(m, "max_page_size", maxPageSize);
      putIfSet(m, "min_page_size", minPageSize);
      return m;
    }

    /** The shape as the method option's paging: style, parameters and pointers; sizes where the spec gives them. */
    public RestPaging toOption() {
      RestPaging.Builder b = RestPaging.newBuilder()
          .setStyle(style)
          .setItems(items)
          .setLinkHeader(linkHeader)
          .addAllLinkRelations(linkRelations);
      setIfSet(b::setSizeParameter, sizeParameter);
      setIfSet(b::setOffsetParameter, offsetParameter);
      if (pageParameter != null) {
        b.setPageParameter(pageParameter).setFirstPage(firstPage);
      }
      setIfSet(b::setCursorParameter, cursorParameter);
      setIfSet(b::setNextCursor, nextCursor);
      setIfSet(b::setCursorItemMember, cursorItemMember);
      setIfSet(b::setHasMore, hasMore);
      setIfSet(b::setTotal, total);
      setIfSet(b::setTotalHeader, totalHeader);
      setIfSet(b::setNextUrl, nextUrl);
      setIfSet(b::setPageEnd, pageEnd);
      setIfSet(b::setDefaultPageSize, defaultPageSize);
      setIfSet(b::setMaxPageSize, maxPageSize);
      setIfSet(b::setMinPageSize, minPageSize);
      return b.build();
    }

    private static <T> void setIfSet(Consumer<T> setter, T value) {
      if (value != null) {
        setter.accept(value);
      }
    }

    private static void putIfSet(Map<String, Object> into, String key, Object value) {
      if (value != null) {
        into.put(key, value);
      }
    }
  }

  /** The keys of x-grpc-pagination: RestPaging's field names. */
  static final Set<String> OVERRIDE_KEYS = Set.of("style", "size_parameter", "offset_parameter", "page_parameter", "first_page",
      "cursor_parameter", "items", "next_cursor", "cursor_item_member", "has_more", "total", "total_header", "next_url", "link_header",
      "link_relations", "page_end", "default_page_size", "max_page_size", "min_page_size");
  /** The paging styles x-grpc-pagination names, as the option's constants. */
  private static final Map<String, PagingStyle> STYLES = Map.of("offset", PagingStyle.PAGING_STYLE_OFFSET,
      "page", PagingStyle.PAGING_STYLE_PAGE, "cursor", PagingStyle.PAGING_STYLE_CURSOR, "link", PagingStyle.PAGING_STYLE_LINK,
      "none", PagingStyle.PAGING_STYLE_NONE);
  /** The page ends x-grpc-pagination names, as the option's constants. */
  private static final Map<String, PageEnd> PAGE_ENDS = Map.of("null", PageEnd.PAGE_END_NULL, "empty", PageEnd.PAGE_END_EMPTY,
      "absent", PageEnd.PAGE_END_ABSENT);

  private final ObjectProperties objects;

  public ListDetector(ObjectProperties objects) {
    this.objects = objects;
  }

  /**
   * The list shape of an operation, or null when it is not a list.
   *
   * @param query the operation's query parameters
   * @param body the success response's JSON schema (null without one)
   * @param headers the success response's headers by name
   */
  public ListShape detect(String method, String path, Collection<Parameter> query, Located<Schema<?>> body,
      Map<String, Header> headers) {
    if (!method.equals("get") || body == null) {
      return null;
    }
    List<String> doubts = new ArrayList<>();
    Located<Schema<?>> resolved = objects.resolve(body.value(), body.location());
    if (resolved == null) {
      return null;
    }
    String items;
    String itemsMember = null;
    String base = "";
    String envelopeMember = null;
    Located<Schema<?>> itemSchema;
    Map<String, Located<Schema<?>>> envelope = Map.of();
    Located<Schema<?>> envelopeSchema = resolved;
    if (Schemas.types(resolved.value()).contains("array")) {
      items = "";
      itemSchema = objects.items(resolved);
    } else {
      envelope = objects.of(resolved);
      String member = itemsMember(envelope, path, doubts);
      if (member == null) {
        String outer = path.endsWith("}") ? null : nestedEnvelope(envelope);
        if (outer == null) {
          return null;
        }
        base = pointer("", outer);
        envelopeMember = outer;
        List<String> dropped = envelope.keySet().stream().filter(name -> !name.equals(outer)).toList();
        if (!dropped.isEmpty()) {
          doubts.add("the list is the envelope in '" + outer + "'; the members beside it (" + String.join(", ", dropped)
              + ") have no field in the list response");
        }
        envelopeSchema = envelope.get(outer);
        envelope = objects.of(envelopeSchema);
        member = itemsMember(envelope, "", doubts);
      }
      items = pointer(base, member);
      itemsMember = member;
      itemSchema = objects.items(envelope.get(member));
    }
    if (itemSchema == null || isBatchGet(query) || Schemas.types(itemSchema.value()).equals(Set.of("boolean"))) {
      return null;
    }
    Parameter size = parameter(query, SIZE);
    Parameter offset = parameter(query, OFFSET);
    Parameter page = parameter(query, PAGE);
    Parameter cursor = parameter(query, CURSOR);
    String nextCursor = member(envelope, base, NEXT_CURSOR, "string");
    String nextUrl = member(envelope, base, NEXT_URL, "string");
    String hasMore = member(envelope, base, HAS_MORE, "boolean");
    String total = member(envelope, base, TOTAL, "integer");
    String totalHeader = headers.keySet().stream().filter(h -> TOTAL_HEADERS.contains(h.toLowerCase(Locale.ROOT))).findFirst()
        .orElse(null);
    Optional<Header> linkHeader = headers.entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase("link")).findFirst()
        .map(Map.Entry::getValue);
    boolean link = linkHeader.isPresent();

    PagingStyle style;
    if (offset != null) {
      style = PagingStyle.PAGING_STYLE_OFFSET;
      if (cursor != null) {
        doubts.add("both an offset ('" + offset.getName() + "') and a cursor ('" + cursor.getName() + "') parameter; offset taken");
      }
    } else if (cursor != null && link && mentionsLinkHeader(cursor)) {
      style = PagingStyle.PAGING_STYLE_LINK;
    } else if (cursor != null) {
      style = PagingStyle.PAGING_STYLE_CURSOR;
      if (page != null && nextUrl == null) {
        doubts.add("both a page ('" + page.getName() + "') and a cursor ('" + cursor.getName() + "') parameter; cursor taken");
      }
    } else if (page != null) {
      style = PagingStyle.PAGING_STYLE_PAGE;
    } else if (link || nextUrl != null) {
      style = PagingStyle.PAGING_STYLE_LINK;
    } else if (nextCursor != null) {
      style = PagingStyle.PAGING_STYLE_CURSOR;
      doubts.add("a next cursor in the body but no parameter to send it back");
    } else {
      style = PagingStyle.PAGING_STYLE_NONE;
    }
    if (style == PagingStyle.PAGING_STYLE_PAGE && size == null) {
      doubts.add("a page parameter without a page size parameter");
    }
    String cursorItemMember = null;
    if (style == PagingStyle.PAGING_STYLE_CURSOR && nextCursor == null && nextUrl == null) {
      if (cursor != null && ID_CURSORS.contains(cursor.getName().toLowerCase(Locale.ROOT))) {
        cursorItemMember = find(objects.of(itemSchema), "id");
      }
      if (cursorItemMember == null) {
        doubts.add("no next cursor in the body and no item id to continue from: set next_cursor or cursor_item_member");
      }
    }
    if (style == PagingStyle.PAGING_STYLE_PAGE && sizeBound(size, Schema::getDefault) == null) {
      doubts.add("no documented default page length: set default_page_size, which page tokens count pages in");
    }
    int firstPage = page == null ? 0 : firstPage(page);
    return new ListShape(style, name(size), style == PagingStyle.PAGING_STYLE_OFFSET ? name(offset) : null,
        style == PagingStyle.PAGING_STYLE_PAGE ? name(page) : null, firstPage, style == PagingStyle.PAGING_STYLE_CURSOR ? name(cursor) : null,
        items, envelopeMember, itemsMember, nextCursor, cursorItemMember,
        hasMore, total, totalHeader, nextUrl, link, linkHeader.map(ListDetector::linkRelations).orElse(List.of()),
        pageEnd(envelopeSchema, base, nextCursor != null ? nextCursor : nextUrl),
        sizeBound(size, Schema::getDefault), sizeBound(size, Schema::getMaximum), sizeBound(size, Schema::getMinimum),
        List.copyOf(doubts));
  }

  /**
   * Applies an operation's {@code x-grpc-pagination}: {@code false} (not a list), or an object whose
   * keys are RestPaging's field names, each replacing what detection found (null: nothing found).
   */
  public static ListShape override(ListShape detected, Object extension, SourceLocation at) {
    if (extension == null) {
      return detected;
    }
    if (Boolean.FALSE.equals(extension)) {
      return null;
    }
    if (!(extension instanceof Map<?, ?> given)) {
      throw new ConversionException(at, "x-grpc-pagination must be false or an object, not " + extension,
          "write false (not a list) or an object with keys such as style, items, size_parameter (module README, \"Pagination\")");
    }
    Map<String, Object> merged = detected == null ? new LinkedHashMap<>() : detected.toMap();
    given.forEach((key, value) -> {
      if (!OVERRIDE_KEYS.contains(String.valueOf(key))) {
        throw new ConversionException(at, "x-grpc-pagination has no key '" + key + "'", "use one of " + new TreeSet<>(OVERRIDE_KEYS));
      }
      merged.put(String.valueOf(key), plain(value));
    });
    merged.put("style", constant(merged.get("style"), PagingStyle.class, STYLES, "style", at));
    if (merged.containsKey("page_end")) {
      merged.put("page_end", constant(merged.get("page_end"), PageEnd.class, PAGE_ENDS, "page_end", at));
    }
    if (!(merged.get("items") instanceof String)) {
      throw new ConversionException(at, "x-grpc-pagination makes a list of an operation without a detected items array",
          "add items: the JSON pointer of the items array in the response (\"\" for a bare array)");
    }
    return fromMap(merged, detected == null ? List.of() : detected.doubts());
  }

  /**
   * An enum of the override: the constant detection found, else the one x-grpc-pagination names by
   * its text (the only place that text is read).
   */
  private static <T> T constant(Object merged, Class<T> type, Map<String, T> names, String key, SourceLocation at) {
    if (type.isInstance(merged)) {
      return type.cast(merged);
    }
    T given = names.get(String.valueOf(merged));
    if (given == null) {
      throw new ConversionException(at, "x-grpc-pagination needs a " + key + " (" + merged + " given)",
          "use one of " + new TreeSet<>(names.keySet()));
    }
    return given;
  }

  /**
   * How the body marks its last page at the next cursor or next URL member {@code at}, as the
   * member's schema says: nullable, null; required, an empty string; else the member is left out.
   */
  private PageEnd pageEnd(Located<Schema<?>> envelope, String base, String at) {
    if (at == null) {
      return null;
    }
    List<String> tokens = JsonPointer.parse(at).tokens();
    List<String> inEnvelope = tokens.subList(JsonPointer.parse(base).tokens().size(), tokens.size());
    Located<Schema<?>> parent = envelope;
    for (String token : inEnvelope.subList(0, inEnvelope.size() - 1)) {
      parent = objects.of(parent).get(token);
    }
    String name = inEnvelope.get(inEnvelope.size() - 1);
    Located<Schema<?>> member = objects.of(parent).get(name);
    if (member == null) {
      return null;
    }
    return Schemas.allowsNull(member.value()) ? PageEnd.PAGE_END_NULL
        : objects.required(parent).contains(name) ? PageEnd.PAGE_END_EMPTY : PageEnd.PAGE_END_ABSENT;
  }

  /** swagger-parser hands extension values out as Jackson trees. */
  private static Object plain(Object value) {
    if (value instanceof JsonNode node && node.isArray()) {
      List<Object> values = new ArrayList<>();
      node.forEach(element -> values.add(plain(element)));
      return values;
    }
    if (value instanceof JsonNode node) {
      return node.isNumber() ? node.numberValue() : node.isBoolean() ? (Object) node.booleanValue() : node.asText();
    }
    return value;
  }

  private static ListShape fromMap(Map<String, Object> m, List<String> doubts) {
    String items = (String) m.get("items");
    List<String> tokens = JsonPointer.parse(items).tokens();
    String envelopeMember = tokens.size() > 1 ? tokens.get(0) : null;
    String itemsMember = tokens.isEmpty() ? null : tokens.get(tokens.size() - 1);
    return new ListShape((PagingStyle) m.get("style"), string(m, "size_parameter"), string(m, "offset_parameter"),
        string(m, "page_parameter"), m.get("first_page") instanceof Number n ? n.intValue() : 0, string(m, "cursor_parameter"),
        items, envelopeMember, itemsMember, string(m, "next_cursor"), string(m, "cursor_item_member"), string(m, "has_more"),
        string(m, "total"),
        string(m, "total_header"), string(m, "next_url"), Boolean.TRUE.equals(m.get("link_header")), strings(m, "link_relations"),
        (PageEnd) m.get("page_end"),
        m.get("default_page_size") instanceof Number n ? n.intValue() : null,
        m.get("max_page_size") instanceof Number n ? n.intValue() : null,
        m.get("min_page_size") instanceof Number n ? n.intValue() : null, doubts);
  }

  private static List<String> strings(Map<String, Object> m, String key) {
    return m.get(key) instanceof List<?> values ? values.stream().map(String::valueOf).toList() : List.of();
  }

  private static String string(Map<String, Object> m, String key) {
    return m.get(key) instanceof String value && !value.isEmpty() ? value : null;
  }

  /**
   * The one array member of an envelope that holds the items: one with a usual items name or the
   * resource's name, or the only array beside members that only describe the page. A resource read
   * by id (the path ends with a variable) is a list only where the body says where the next page is.
   */
  private String itemsMember(Map<String, Located<Schema<?>>> envelope, String path, List<String> doubts) {
    List<String> arrays = envelope.entrySet().stream()
        .filter(e -> Schemas.types(e.getValue().value()).contains("array")).map(Map.Entry::getKey).toList();
    if (arrays.isEmpty()) {
      return null;
    }
    long extras = envelope.entrySet().stream()
        .filter(e -> !arrays.contains(e.getKey()) && !isEnvelopeMember(e.getKey(), e.getValue())).count();
    boolean paged = paged(envelope);
    if (path.endsWith("}") && !leadsOn(envelope)) {
      return null;
    }
    String resource = lastLiteralSegment(path);
    for (String array : arrays) {
      String normalized = array.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
      boolean named = ITEMS.contains(array.toLowerCase(Locale.ROOT))
          || !resource.isEmpty() && (normalized.endsWith(resource) || resource.endsWith(normalized));
      if (named && (extras <= 2 || paged)) {
        return array;
      }
    }
    if (arrays.size() == 1 && extras <= 2) {
      if (!paged) {
        doubts.add("the only array '" + arrays.get(0) + "' taken as the items: its name is not a usual items name");
      }
      return arrays.get(0);
    }
    return null;
  }

  /** The one object member that is itself a paged envelope ({@code {albums: {items, next, total}}}), or null. */
  private String nestedEnvelope(Map<String, Located<Schema<?>>> envelope) {
    String found = null;
    for (Map.Entry<String, Located<Schema<?>>> member : envelope.entrySet()) {
      if (!Schemas.types(member.getValue().value()).contains("object")) {
        continue;
      }
      Map<String, Located<Schema<?>>> inner = objects.of(member.getValue());
      if (paged(inner) && itemsMember(inner, "", new ArrayList<>()) != null) {
        if (found != null) {
          return null;
        }
        found = member.getKey();
      }
    }
    return found;
  }

  /** A member that tells where the next page is or how many items there are (by name and JSON type). */
  private static boolean isPagingMember(String name, Located<Schema<?>> schema) {
    String lower = name.toLowerCase(Locale.ROOT);
    Set<String> types = Schemas.types(schema.value());
    return (NEXT_CURSOR.contains(lower) || NEXT_URL.contains(lower)) && types.contains("string")
        || HAS_MORE.contains(lower) && types.contains("boolean")
        || (TOTAL.contains(lower) || SIZE.contains(lower) || OFFSET.contains(lower) || PAGE.contains(lower)) && types.contains("integer")
        || WRAPPERS.contains(lower) && types.contains("object");
  }

  /** A member that describes the page or the list, or points at it, rather than being content. */
  private static boolean isEnvelopeMember(String name, Located<Schema<?>> schema) {
    return isPagingMember(name, schema) || ENVELOPE.contains(name.toLowerCase(Locale.ROOT));
  }

  /** Whether the envelope says where the next page is (a resource may well have a count or a total). */
  private static boolean leadsOn(Map<String, Located<Schema<?>>> envelope) {
    return envelope.entrySet().stream().anyMatch(e -> {
      String lower = e.getKey().toLowerCase(Locale.ROOT);
      Set<String> types = Schemas.types(e.getValue().value());
      return (NEXT_CURSOR.contains(lower) || NEXT_URL.contains(lower)) && types.contains("string")
          || HAS_MORE.contains(lower) && types.contains("boolean");
    });
  }

  private static boolean paged(Map<String, Located<Schema<?>>> envelope) {
    return envelope.entrySet().stream().anyMatch(e -> isPagingMember(e.getKey(), e.getValue()));
  }

  /** The last path segment without variables or an extension, lower case, without separators ("/v1/Calls.json" → "calls"). */
  private static String lastLiteralSegment(String path) {
    String[] segments = path.split("/");
    for (int i = segments.length - 1; i >= 0; i--) {
      String segment = segments[i];
      if (!segment.isEmpty() && !segment.contains("{")) {
        int dot = segment.indexOf('.');
        return (dot > 0 ? segment.substring(0, dot) : segment).toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
      }
    }
    return "";
  }

  /** A GET by ids ("Get several albums", {@code ?id[]=1&id[]=2}): the client names every item, nothing is enumerated. */
  private static boolean isBatchGet(Collection<Parameter> query) {
    return parameter(query, SIZE) == null && query.stream().anyMatch(p -> p.getName() != null
        && Set.of("ids", "id", "id[]", "ids[]").contains(p.getName().toLowerCase(Locale.ROOT)));
  }

  private static Parameter parameter(Collection<Parameter> query, List<String> names) {
    for (String name : names) {
      for (Parameter p : query) {
        if (p.getName() != null && p.getName().toLowerCase(Locale.ROOT).equals(name)) {
          return p;
        }
      }
    }
    return null;
  }

  /** The member of the envelope, or of a wrapper member such as meta or pagination, with one of the names and that type. */
  private String member(Map<String, Located<Schema<?>>> envelope, String base, List<String> names, String type) {
    for (String name : names) {
      String found = find(envelope, name);
      if (found != null && Schemas.types(envelope.get(found).value()).contains(type)) {
        return pointer(base, found);
      }
    }
    for (String wrapper : WRAPPERS) {
      String found = find(envelope, wrapper);
      if (found == null || !Schemas.types(envelope.get(found).value()).contains("object")) {
        continue;
      }
      Map<String, Located<Schema<?>>> inner = objects.of(envelope.get(found));
      for (String name : names) {
        String member = find(inner, name);
        if (member != null && Schemas.types(inner.get(member).value()).contains(type)) {
          return pointer(pointer(base, found), member);
        }
      }
    }
    return null;
  }

  /**
   * The relations besides next a Link header's description names as such: {@code first},
   * {@code prev} (or {@code previous}) and {@code last} as a quoted, backquoted or {@code rel=} word.
   */
  static List<String> linkRelations(Header link) {
    String description = link.getDescription() == null ? "" : link.getDescription().toLowerCase(Locale.ROOT);
    List<String> relations = new ArrayList<>();
    for (String relation : List.of("first", "prev", "last")) {
      String word = relation.equals("prev") ? "prev(?:ious)?" : relation;
      if (Pattern.compile("(?:rel=|[`\"'])" + word + "[`\"']?\\b").matcher(description).find()) {
        relations.add(relation);
      }
    }
    return List.copyOf(relations);
  }

  private static boolean mentionsLinkHeader(Parameter cursor) {
    String description = cursor.getDescription() == null ? "" : cursor.getDescription().toLowerCase(Locale.ROOT);
    return description.contains("link header") || description.contains("internal parameter");
  }

  /** 0 when the page parameter says so (minimum or default 0), else 1. */
  private static int firstPage(Parameter page) {
    Schema<?> schema = page.getSchema();
    if (schema == null) {
      return 1;
    }
    boolean zero = (schema.getMinimum() != null && schema.getMinimum().signum() == 0)
        || (schema.getDefault() instanceof Number n && n.intValue() == 0);
    return zero ? 0 : 1;
  }

  /** The page length parameter's default, maximum or minimum, where it is a positive int32. */
  private static Integer sizeBound(Parameter size, Function<Schema<?>, Object> bound) {
    if (size == null || size.getSchema() == null) {
      return null;
    }
    Object value = bound.apply(size.getSchema());
    return value instanceof Number n && n.longValue() > 0 && n.longValue() <= Integer.MAX_VALUE ? n.intValue() : null;
  }

  private static String name(Parameter p) {
    return p == null ? null : p.getName();
  }
}
