package it.depot;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.springframework.boot.jackson.JacksonMixin;

/**
 * Registered by Spring Boot 4 on the app's JsonMapper at run time, out of the plugin's sight: REST now says
 * "country" where the generated AddressMapper, planned from Address's source, says "country_code".
 */
@JacksonMixin(Address.class)
abstract class AddressMixin {
  @JsonProperty("country")
  abstract String getCountryCode();
}
