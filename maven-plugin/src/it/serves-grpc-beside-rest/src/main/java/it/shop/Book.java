package it.shop;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/** A book as the API returns it; the price is a decimal string, as the spec says. */
public record Book(long id, String title, Genre genre, List<Author> authors, @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal price,
    OffsetDateTime publishedAt, String subtitle) {

  public record Author(String name, Integer born) {}
}
