package io.rest2grpc.transcoding.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.Message;
import io.rest2grpc.test.v1.BookQuery;
import io.rest2grpc.test.v1.ListAuthorsRequest;
import io.rest2grpc.test.v1.ListBooksRequest;
import org.junit.jupiter.api.Test;

class RequestFiltersTest {
  private static final ListBooksRequest REQUEST = ListBooksRequest.newBuilder()
      .setParent("shelves/1")
      .setFilter("year > 2000")
      .putLabels("genre", "poetry")
      .putLabels("lang", "en")
      .putLabels("format", "paperback")
      .addTags("new")
      .addTags("signed")
      .setMinPages(100)
      .setQuery(BookQuery.newBuilder().putFields(1, "title").putFields(-1, "isbn").putFields(0, "").addAuthors("Rilke"))
      .putSavedQueries("", BookQuery.getDefaultInstance())
      .putSavedQueries("old", BookQuery.newBuilder().putFields(7, "a").putFields(5, "b").build())
      .build();

  @Test
  void leavesPageTokenAndPageSizeOut() {
    ListBooksRequest nextPage = REQUEST.toBuilder().setPageToken("abc").setPageSize(50).build();

    assertThat(RequestFilters.hash(nextPage)).isEqualTo(RequestFilters.hash(REQUEST));
  }

  @Test
  void doesNotDependOnTheOrderMapEntriesWereAddedIn() {
    ListBooksRequest reordered = REQUEST.toBuilder()
        .clearLabels().putLabels("format", "paperback").putLabels("lang", "en").putLabels("genre", "poetry")
        .setQuery(BookQuery.newBuilder().putFields(0, "").putFields(-1, "isbn").putFields(1, "title").addAuthors("Rilke"))
        .clearSavedQueries()
        .putSavedQueries("old", BookQuery.newBuilder().putFields(5, "b").putFields(7, "a").build())
        .putSavedQueries("", BookQuery.getDefaultInstance())
        .build();

    assertThat(RequestFilters.hash(reordered)).isEqualTo(RequestFilters.hash(REQUEST));
  }

  @Test
  void aDynamicMessageHashesLikeTheGeneratedOneWhateverOrderItsFieldsAndEntriesWereSetIn() {
    Descriptor type = ListBooksRequest.getDescriptor();
    Descriptor queryType = BookQuery.getDescriptor();
    FieldDescriptor fields = queryType.findFieldByName("fields");
    DynamicMessage query = DynamicMessage.newBuilder(queryType)
        .addRepeatedField(queryType.findFieldByName("authors"), "Rilke")
        .addRepeatedField(fields, entry(fields, -1, "isbn"))
        .addRepeatedField(fields, entry(fields, 1, "title"))
        .addRepeatedField(fields, entry(fields, 0, ""))
        .build();
    DynamicMessage oldQuery = DynamicMessage.newBuilder(queryType)
        .addRepeatedField(fields, entry(fields, 7, "a"))
        .addRepeatedField(fields, entry(fields, 5, "b"))
        .build();
    FieldDescriptor labels = type.findFieldByName("labels");
    FieldDescriptor savedQueries = type.findFieldByName("saved_queries");
    DynamicMessage dynamic = DynamicMessage.newBuilder(type)
        .addRepeatedField(savedQueries, entry(savedQueries, "old", oldQuery))
        .addRepeatedField(savedQueries, entry(savedQueries, "", DynamicMessage.getDefaultInstance(queryType)))
        .setField(type.findFieldByName("query"), query)
        .setField(type.findFieldByName("min_pages"), 100)
        .addRepeatedField(type.findFieldByName("tags"), "new")
        .addRepeatedField(type.findFieldByName("tags"), "signed")
        .addRepeatedField(labels, entry(labels, "lang", "fr"))
        .addRepeatedField(labels, entry(labels, "format", "paperback"))
        .addRepeatedField(labels, entry(labels, "lang", "en"))
        .addRepeatedField(labels, entry(labels, "genre", "poetry"))
        .setField(type.findFieldByName("filter"), "year > 2000")
        .setField(type.findFieldByName("page_size"), 25)
        .setField(type.findFieldByName("parent"), "shelves/1")
        .build();

    assertThat(RequestFilters.hash(dynamic)).isEqualTo(RequestFilters.hash(REQUEST));
  }

  @Test
  void aDynamicMessageParsedFromTheWireHashesLikeTheGeneratedOne() throws Exception {
    DynamicMessage parsed = DynamicMessage.parseFrom(ListBooksRequest.getDescriptor(), REQUEST.toByteArray());

    assertThat(RequestFilters.hash(parsed)).isEqualTo(RequestFilters.hash(REQUEST));
  }

  @Test
  void changesWithEveryFilter() {
    FiltersHash original = RequestFilters.hash(REQUEST);

    assertThat(RequestFilters.hash(REQUEST.toBuilder().setParent("shelves/2").build())).isNotEqualTo(original);
    assertThat(RequestFilters.hash(REQUEST.toBuilder().setFilter("year > 2001").build())).isNotEqualTo(original);
    assertThat(RequestFilters.hash(REQUEST.toBuilder().putLabels("lang", "de").build())).isNotEqualTo(original);
    assertThat(RequestFilters.hash(REQUEST.toBuilder().setTags(0, "signed").setTags(1, "new").build())).isNotEqualTo(original);
    assertThat(RequestFilters.hash(REQUEST.toBuilder().setMinPages(0).build())).isNotEqualTo(original);
    assertThat(RequestFilters.hash(REQUEST.toBuilder().clearMinPages().build())).isNotEqualTo(original);
    assertThat(RequestFilters.hash(REQUEST.toBuilder().setSkip(10).build())).isNotEqualTo(original);
  }

  @Test
  void tellsListsWithTheSameFieldsApart() {
    ListBooksRequest books = ListBooksRequest.newBuilder().setParent("shelves/1").setFilter("x").build();
    ListAuthorsRequest authors = ListAuthorsRequest.newBuilder().setParent("shelves/1").setFilter("x").build();

    assertThat(books.toByteString()).isEqualTo(authors.toByteString());
    assertThat(RequestFilters.hash(books)).isNotEqualTo(RequestFilters.hash(authors));
  }

  @Test
  void leavesTheFieldsTheCallerNamesOut() {
    ListBooksRequest skipping = REQUEST.toBuilder().setSkip(30).build();

    assertThat(RequestFilters.hash(skipping, "skip")).isEqualTo(RequestFilters.hash(REQUEST, "skip"));
  }

  @Test
  void refusesToLeaveOutAFieldTheRequestDoesNotHave() {
    assertThatThrownBy(() -> RequestFilters.hash(REQUEST, "offset"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("rest2grpc.test.v1.ListBooksRequest has no field 'offset' to leave out of the filters hash; "
            + "name a field of the request by its proto name");
  }

  private static Message entry(FieldDescriptor mapField, Object key, Object value) {
    Descriptor entryType = mapField.getMessageType();
    return DynamicMessage.newBuilder(entryType)
        .setField(entryType.findFieldByName("key"), key)
        .setField(entryType.findFieldByName("value"), value)
        .build();
  }
}
