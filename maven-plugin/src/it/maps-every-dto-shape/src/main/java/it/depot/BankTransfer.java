package it.depot;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;

public record BankTransfer(String iban, String accountHolder, @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount)
    implements Payment {}
