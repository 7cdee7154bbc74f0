package it.shop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.protobuf.Any;
import com.google.rpc.ErrorInfo;
import com.shop_books.v1.Book;
import com.shop_books.v1.BookInput;
import com.shop_books.v1.BooksServiceGrpc;
import com.shop_books.v1.CreateBookRequest;
import com.shop_books.v1.GetBookRequest;
import com.shop_books.v1.Genre;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.MetadataUtils;
import io.rest2grpc.errors.v1.RestErrorOrigin;
import io.rest2grpc.transcoding.json.RestJson;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.grpc.server.lifecycle.GrpcServerLifecycle;

/** The generated BooksService on the app's gRPC port, called with grpc-java's stubs, beside the REST API. */
@ShopTest
class GeneratedServiceTest {

  @Autowired
  GrpcServerLifecycle grpcServer;

  @LocalServerPort
  int restPort;

  private ManagedChannel channel;
  private BooksServiceGrpc.BooksServiceBlockingStub books;

  @BeforeEach
  void connect() {
    channel = ManagedChannelBuilder.forAddress("127.0.0.1", grpcServer.getPort()).usePlaintext().build();
    books = BooksServiceGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS);
  }

  @AfterEach
  void disconnect() throws InterruptedException {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }

  @Test
  void aRecordWithAnEnumAListADecimalAndATimeArrivesAsRestPrintsIt() throws Exception {
    Book grpc = books.getBook(GetBookRequest.newBuilder().setId(1).build());

    assertThat(grpc.getGenre()).isEqualTo(Genre.GENRE_SCIENCE_FICTION);
    assertThat(grpc.getAuthors(0).getName()).isEqualTo("Ursula K. Le Guin");
    assertThat(grpc.getPrice()).isEqualTo("12.50");
    assertThat(grpc.getPublishedAt().getSeconds()).isEqualTo(136598400L);
    assertThat(grpc.hasSubtitle()).as("a null subtitle is absent").isFalse();
    String rest = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + restPort + "/v1/books/1")).build(),
        HttpResponse.BodyHandlers.ofString()).body();
    assertThat(grpc).isEqualTo(RestJson.create().parse(rest, Book.newBuilder()).build());
  }

  @Test
  void aCreatedBookComesWithItsLocationAsResponseMetadata() {
    AtomicReference<Metadata> headers = new AtomicReference<>();
    AtomicReference<Metadata> trailers = new AtomicReference<>();
    Book created = books.withInterceptors(MetadataUtils.newCaptureMetadataInterceptor(headers, trailers))
        .createBook(create("Foundation", Genre.GENRE_SCIENCE_FICTION, "978-0-553-29335-7"));

    assertThat(created.getTitle()).isEqualTo("Foundation");
    assertThat(headers.get().get(Metadata.Key.of("location", Metadata.ASCII_STRING_MARSHALLER))).isEqualTo("/v1/books/" + created.getId());
  }

  @Test
  void validationFailsAsTheAppsAdviceSays() throws Exception {
    StatusRuntimeException error = catchThrowableOfType(StatusRuntimeException.class,
        () -> books.createBook(create("", Genre.GENRE_HISTORY, "978-0-14-044914-5")));

    assertThat(error.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(error.getStatus().getDescription()).isEqualTo("title must not be blank");
    assertThat(reason(error)).isEqualTo("VALIDATION_FAILED");
    assertThat(httpStatus(error)).isEqualTo(400);
  }

  @Test
  void anAdviceThatComputesItsStatusAtRunTimeIsFollowed() throws Exception {
    StatusRuntimeException taken = catchThrowableOfType(StatusRuntimeException.class,
        () -> books.createBook(create("Again", Genre.GENRE_HISTORY, "978-0-06-051275-0")));
    StatusRuntimeException poetry = catchThrowableOfType(StatusRuntimeException.class,
        () -> books.createBook(create("Odes", Genre.GENRE_POETRY, "978-0-14-044914-6")));
    StatusRuntimeException missing = catchThrowableOfType(StatusRuntimeException.class,
        () -> books.getBook(GetBookRequest.newBuilder().setId(404).build()));

    assertThat(taken.getStatus().getCode()).isEqualTo(Status.Code.ALREADY_EXISTS);
    assertThat(reason(taken)).isEqualTo("ISBN_TAKEN");
    assertThat(httpStatus(taken)).isEqualTo(409);
    assertThat(poetry.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(reason(poetry)).isEqualTo("GENRE_NOT_SOLD");
    assertThat(httpStatus(poetry)).as("422 and 400 share INVALID_ARGUMENT; the origin keeps them apart").isEqualTo(422);
    assertThat(missing.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
    assertThat(reason(missing)).isEqualTo("BOOK_NOT_FOUND");
  }

  private static CreateBookRequest create(String title, Genre genre, String isbn) {
    return CreateBookRequest.newBuilder().setBook(BookInput.newBuilder().setTitle(title).setGenre(genre).setIsbn(isbn)).build();
  }

  private static String reason(StatusRuntimeException error) throws Exception {
    for (Any detail : StatusProto.fromThrowable(error).getDetailsList()) {
      if (detail.is(ErrorInfo.class)) {
        return detail.unpack(ErrorInfo.class).getReason();
      }
    }
    throw new AssertionError("no ErrorInfo in " + error);
  }

  private static int httpStatus(StatusRuntimeException error) throws Exception {
    for (Any detail : StatusProto.fromThrowable(error).getDetailsList()) {
      if (detail.is(RestErrorOrigin.class)) {
        return detail.unpack(RestErrorOrigin.class).getHttpStatus();
      }
    }
    throw new AssertionError("no RestErrorOrigin in " + error);
  }
}
