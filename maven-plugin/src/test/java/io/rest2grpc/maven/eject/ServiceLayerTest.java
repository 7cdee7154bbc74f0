package io.rest2grpc.maven.eject;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.MethodDeclaration;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Which handlers only delegate to the service layer, and where the others hold logic of their own. */
class ServiceLayerTest {

  private static final String CONTROLLER = """
      package fixture;

      import static org.springframework.http.ResponseEntity.ok;

      import java.net.URI;
      import java.util.List;
      import java.util.Map;
      import java.util.concurrent.ConcurrentHashMap;
      import org.springframework.beans.factory.annotation.Autowired;
      import org.springframework.http.ResponseEntity;
      import org.springframework.web.bind.annotation.*;

      @RestController
      @RequestMapping("/v1/books")
      public class BookController {
        static final String TOTAL = "X-Total-Count";

        private final BookService books;
        private final AuditService audit;
        @Autowired
        private PriceService prices;
        private final Map<Long, Book> cache = new ConcurrentHashMap<>();

        BookController(BookService books, AuditService audit) {
          this.books = books;
          this.audit = audit;
        }

        @GetMapping("/{id}")
        public ResponseEntity<BookDto> getBook(@PathVariable long id) {
          Book book = books.get(id);
          return ResponseEntity.ok().eTag(book.etag()).body(BookDto.from(book));
        }

        @GetMapping
        public ResponseEntity<List<BookDto>> listBooks(@RequestParam int offset, @RequestParam String sort) {
          var page = this.books.list(new BookFilter(offset), BookSort.parse(sort));
          return ResponseEntity.ok().header(TOTAL, Long.toString(page.total())).body(page.items().stream().map(BookDto::from).toList());
        }

        @GetMapping("/{id}/price")
        public Price price(@PathVariable long id) {
          return ok(prices.of(id)).getBody();
        }

        @PostMapping
        public ResponseEntity<BookDto> createBook(@RequestBody BookInput input) {
          if (input.title() == null) {
            throw new IllegalArgumentException("title");
          }
          return ResponseEntity.created(URI.create("/v1/books")).body(BookDto.from(books.create(input)));
        }

        @DeleteMapping("/{id}")
        public void deleteBook(@PathVariable long id) {
          books.delete(id);
          audit.record("deleted " + id);
        }

        @GetMapping("/{id}/cached")
        public Book cached(@PathVariable long id) {
          return cache.get(id);
        }

        @GetMapping("/{id}/summary")
        public String summary(@PathVariable long id) {
          return describe(books.get(id));
        }

        @GetMapping("/{id}/title")
        public String title(@PathVariable long id) {
          return id > 0 ? books.get(id).title() : "";
        }

        @GetMapping("/{id}/tags")
        public List<String> tags(@PathVariable long id) {
          return books.get(id).tags().stream().map(tag -> {
            return tag.toUpperCase();
          }).toList();
        }

        @GetMapping("/{id}/books")
        public Book shadowed(@PathVariable long id) {
          BookService books = BookService.fallback();
          return books.get(id);
        }

        private String describe(Book book) {
          return book.title();
        }
      }
      """;

  private static final CompilationUnit UNIT = parse();

  @Test
  void aHandlerWithArgumentMappingAndOneCallDelegates() {
    Delegation getBook = ServiceLayer.of(handler("getBook"));

    assertThat(getBook).isInstanceOf(Delegation.ToService.class);
    assertThat(((Delegation.ToService) getBook).fieldName()).isEqualTo("books");
    assertThat(((Delegation.ToService) getBook).constants()).isEmpty();
  }

  @Test
  void theConstantsADelegatingBodyReadsMoveWithIt() {
    Delegation.ToService listBooks = (Delegation.ToService) ServiceLayer.of(handler("listBooks"));

    assertThat(listBooks.fieldName()).isEqualTo("books");
    assertThat(listBooks.constants()).singleElement().hasToString("static final String TOTAL = \"X-Total-Count\";");
  }

  @Test
  void aFieldInjectedByAnnotationAndAStaticImportDelegateToo() {
    assertThat(ServiceLayer.of(handler("price"))).isInstanceOfSatisfying(Delegation.ToService.class,
        price -> assertThat(price.fieldName()).isEqualTo("prices"));
  }

  @Test
  void aLocalThatShadowsTheFieldIsNoBeanCall() {
    assertThat(ServiceLayer.of(handler("shadowed"))).hasToString(
        "BookController.java:83: no call of a bean the controller is given (its service layer)");
  }

  @Test
  void eachPieceOfLogicIsNamedWithItsLine() {
    assertThat(ServiceLayer.of(handler("createBook"))).hasToString("BookController.java:48: an if statement");
    assertThat(ServiceLayer.of(handler("deleteBook"))).hasToString("BookController.java:57: a second call of a bean: audit.record(\"deleted \" + id)");
    assertThat(ServiceLayer.of(handler("cached"))).hasToString("BookController.java:62: a call on the controller's own state cache");
    assertThat(ServiceLayer.of(handler("summary"))).hasToString("BookController.java:67: a call of the controller's own method describe(…)");
    assertThat(ServiceLayer.of(handler("title"))).hasToString("BookController.java:72: a conditional expression (?:)");
    assertThat(ServiceLayer.of(handler("tags"))).hasToString("BookController.java:77: a lambda with statements");
  }

  private static MethodDeclaration handler(String name) {
    return UNIT.findFirst(MethodDeclaration.class, method -> method.getNameAsString().equals(name)).orElseThrow();
  }

  private static CompilationUnit parse() {
    CompilationUnit unit = new JavaParser(new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17))
        .parse(CONTROLLER).getResult().orElseThrow();
    unit.setStorage(Path.of("fixture/BookController.java"));
    return unit;
  }
}
