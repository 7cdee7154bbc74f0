package it.shop;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Service;

/** The shop's service layer: the books, their ISBNs and blurbs; the controller delegates to it. */
@Service
public class Catalog {
  private final Map<Long, Book> books = new ConcurrentHashMap<>(Map.of(1L, new Book(1, "The Dispossessed", Genre.SCIENCE_FICTION,
      List.of(new Book.Author("Ursula K. Le Guin", 1929)), new BigDecimal("12.50"), OffsetDateTime.of(1974, 5, 1, 0, 0, 0, 0, ZoneOffset.UTC),
      null)));
  private final Map<Long, String> blurbs = new ConcurrentHashMap<>(Map.of(1L, "An ambiguous utopia.\n"));
  private final Map<String, Long> isbns = new ConcurrentHashMap<>(Map.of("978-0-06-051275-0", 1L));
  private final AtomicLong ids = new AtomicLong(1);

  public Book find(long id) {
    Book book = books.get(id);
    if (book == null) {
      throw new ShopException(404, "BOOK_NOT_FOUND", "No book " + id);
    }
    return book;
  }

  public String blurb(long id) {
    return blurbs.getOrDefault(find(id).id(), "");
  }

  /** Reserves the ISBN for the next book; false when a book has it. */
  public boolean reserveIsbn(String isbn) {
    return isbns.putIfAbsent(isbn, ids.get() + 1) == null;
  }

  public Book add(BookInput input) {
    long id = ids.incrementAndGet();
    Book book = new Book(id, input.title(), input.genre(), List.of(), new BigDecimal("9.99"), OffsetDateTime.now(ZoneOffset.UTC).withNano(0), null);
    books.put(id, book);
    return book;
  }
}
