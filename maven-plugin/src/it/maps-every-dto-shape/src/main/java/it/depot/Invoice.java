package it.depot;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import lombok.Data;

/** Lombok @Data: setters; the total is a decimal string, the tax rate a JSON number, as the spec says. */
@Data
public class Invoice {
  private String number;
  private List<InvoiceLine> lines;
  private BigDecimal taxRate;
  @JsonFormat(shape = JsonFormat.Shape.STRING)
  private BigDecimal total;
  private LocalDate dueOn;
  private OffsetDateTime issuedAt;

  void computeTotal() {
    BigDecimal net = lines.stream().map(line -> line.getUnitPrice().multiply(BigDecimal.valueOf(line.getQuantity())))
        .reduce(BigDecimal.ZERO, BigDecimal::add);
    total = net.add(net.multiply(taxRate)).setScale(2, RoundingMode.HALF_UP);
  }
}
