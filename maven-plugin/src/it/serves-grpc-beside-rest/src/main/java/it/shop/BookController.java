package it.shop;

import jakarta.validation.Valid;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
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

  private final Catalog catalog;

  public BookController(Catalog catalog) {
    this.catalog = catalog;
  }

  @GetMapping("/{id}")
  public Book getBook(@PathVariable long id) {
    return catalog.find(id);
  }

  @PostMapping
  public ResponseEntity<Book> createBook(@Valid @RequestBody BookInput input) {
    if (input.genre() == Genre.POETRY) {
      throw new ShopException(422, "GENRE_NOT_SOLD", "The shop does not sell poetry");
    }
    if (!catalog.reserveIsbn(input.isbn())) {
      throw new ShopException(409, "ISBN_TAKEN", "A book with ISBN " + input.isbn() + " exists");
    }
    Book book = catalog.add(input);
    return ResponseEntity.created(URI.create(BOOKS + "/" + book.id())).body(book);
  }

  @GetMapping(value = "/{id}/blurb", produces = MediaType.TEXT_PLAIN_VALUE)
  public byte[] getBookBlurb(@PathVariable long id) {
    return catalog.blurb(id).getBytes(StandardCharsets.UTF_8);
  }
}
