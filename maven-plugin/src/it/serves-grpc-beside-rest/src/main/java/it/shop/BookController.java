package it.shop;

import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(BookController.BOOKS)
public class BookController {
  static final String BOOKS = "/v1/books";

  private final Map<Long, Book> books = new ConcurrentHashMap<>(Map.of(1L, new Book(1, "The Dispossessed", Genre.SCIENCE_FICTION,
      List.of(new Book.Author("Ursula K. Le Guin", 1929)), new BigDecimal("12.50"), OffsetDateTime.of(1974, 5, 1, 0, 0, 0, 0, ZoneOffset.UTC),
      null)));
  private final Map<String, Long> isbns = new ConcurrentHashMap<>(Map.of("978-0-06-051275-0", 1L));
  private final AtomicLong ids = new AtomicLong(1);

  @GetMapping("/{id}")
  public Book getBook(@PathVariable long id) {
    Book book = books.get(id);
    if (book == null) {
      throw new ShopException(404, "BOOK_NOT_FOUND", "No book " + id);
    }
    return book;
  }

  @PostMapping
  public ResponseEntity<Book> createBook(@Valid @RequestBody BookInput input) {
    if (input.genre() == Genre.POETRY) {
      throw new ShopException(422, "GENRE_NOT_SOLD", "The shop does not sell poetry");
    }
    if (isbns.putIfAbsent(input.isbn(), ids.get() + 1) != null) {
      throw new ShopException(409, "ISBN_TAKEN", "A book with ISBN " + input.isbn() + " exists");
    }
    long id = ids.incrementAndGet();
    Book book = new Book(id, input.title(), input.genre(), List.of(), new BigDecimal("9.99"), OffsetDateTime.now(ZoneOffset.UTC).withNano(0), null);
    books.put(id, book);
    return ResponseEntity.created(URI.create(BOOKS + "/" + id)).body(book);
  }
}
