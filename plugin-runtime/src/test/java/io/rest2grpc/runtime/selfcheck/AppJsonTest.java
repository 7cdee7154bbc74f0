package io.rest2grpc.runtime.selfcheck;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.ResolvableType;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractSmartHttpMessageConverter;
import org.springframework.http.converter.StringHttpMessageConverter;

/**
 * The app's JSON through a converter of the kind Spring 7's Jackson 3 one is, a {@code SmartHttpMessageConverter}: it is
 * given the full generic type, so a list of DTOs is read as DTOs, not maps.
 */
class AppJsonTest {

  record Price(String currencyCode, int nanos) {}

  /** Reads and writes by the type it is given, as Spring 7's JacksonJsonHttpMessageConverter does. */
  static final class SmartJson extends AbstractSmartHttpMessageConverter<Object> {
    private final ObjectMapper mapper = new ObjectMapper();

    SmartJson() {
      super(MediaType.APPLICATION_JSON);
    }

    @Override
    public Object read(ResolvableType type, HttpInputMessage input, Map<String, Object> hints) throws IOException {
      return mapper.readValue(input.getBody(), mapper.constructType(type.getType()));
    }

    @Override
    protected void writeInternal(Object value, ResolvableType type, HttpOutputMessage output, Map<String, Object> hints)
        throws IOException {
      mapper.writerFor(mapper.constructType(type.getType())).writeValue(output.getBody(), value);
    }
  }

  private final AppJson json = AppJson.of(List.of(new StringHttpMessageConverter(), new SmartJson()));

  @Test
  void aSmartConverterReadsAndWritesWithTheGenericType() throws Exception {
    ParameterizedTypeReference<List<Price>> prices = new ParameterizedTypeReference<>() {};

    Object read = json.read("[{\"currencyCode\": \"GBP\", \"nanos\": 500}]", prices.getType());

    assertThat(read).isEqualTo(List.of(new Price("GBP", 500)));
    assertThat(json.write(read, prices.getType())).isEqualTo("[{\"currencyCode\":\"GBP\",\"nanos\":500}]");
  }
}
