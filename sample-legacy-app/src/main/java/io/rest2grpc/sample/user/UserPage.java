package io.rest2grpc.sample.user;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** One page of the cursor-paged user list; {@code next_cursor} is absent on the last page. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UserPage(List<UserSummary> items, String nextCursor) {}
