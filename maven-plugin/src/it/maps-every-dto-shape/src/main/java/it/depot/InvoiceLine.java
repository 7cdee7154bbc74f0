package it.depot;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import lombok.Data;

@Data
public class InvoiceLine {
  private String item;
  private int quantity;
  @JsonFormat(shape = JsonFormat.Shape.STRING)
  private BigDecimal unitPrice;
}
