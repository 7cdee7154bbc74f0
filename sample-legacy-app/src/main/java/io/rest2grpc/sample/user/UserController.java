package io.rest2grpc.sample.user;

import io.rest2grpc.sample.error.ApiException;
import io.rest2grpc.sample.order.OrderDto;
import io.rest2grpc.sample.order.OrderRepository;
import jakarta.validation.Valid;
import java.util.ArrayList;
import java.util.List;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.web.PageableDefault;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Users: cursor paging on the list, and page-number paging with a {@code Link} header on a user's orders. */
@RestController
@RequestMapping("/v1/users")
public class UserController {

  private final UserRepository users;
  private final OrderRepository orders;

  public UserController(UserRepository users, OrderRepository orders) {
    this.users = users;
    this.orders = orders;
  }

  @GetMapping
  @Transactional(readOnly = true)
  public UserPage listUsers(@Valid @ModelAttribute @ParameterObject UserSearch search) {
    long afterId = search.cursor() == null || search.cursor().isEmpty() ? Long.MIN_VALUE : Cursors.decode(search.cursor());
    int limit = search.limitOrDefault();
    Specification<User> spec = (user, query, cb) -> cb.greaterThan(user.get("id"), afterId);
    if (search.role() != null) {
      spec = spec.and((user, query, cb) -> cb.isMember(search.role(), user.get("roles")));
    }
    List<User> found = users.findBy(spec, query -> query.sortBy(Sort.by("id")).limit(limit + 1).all());
    List<User> page = found.subList(0, Math.min(limit, found.size()));
    String nextCursor = found.size() > limit ? Cursors.after(page.get(page.size() - 1).getId()) : null;
    return new UserPage(page.stream().map(UserSummary::from).toList(), nextCursor);
  }

  @GetMapping("/{id}")
  @Transactional(readOnly = true)
  public UserDto getUser(@PathVariable long id) {
    return UserDto.from(users.findById(id).orElseThrow(() -> ApiException.notFound("user", id)));
  }

  /**
   * Spring Data paging as many services expose it: {@code page} (from 0), {@code size} and
   * {@code sort=createdAt,desc} with Java property names; navigation in an RFC 8288 {@code Link} header.
   */
  @GetMapping("/{id}/orders")
  @Transactional(readOnly = true)
  public ResponseEntity<List<OrderDto>> listUserOrders(@PathVariable long id,
      @PageableDefault(size = 10, sort = "createdAt", direction = Sort.Direction.DESC) @ParameterObject Pageable pageable) {
    if (!users.existsById(id)) {
      throw ApiException.notFound("user", id);
    }
    Page<OrderDto> page = orders.findByUserId(id, pageable).map(OrderDto::from);
    return ResponseEntity.ok()
        .header("X-Total-Count", Long.toString(page.getTotalElements()))
        .header(HttpHeaders.LINK, linkHeader(page))
        .body(page.getContent());
  }

  private static String linkHeader(Page<?> page) {
    List<String> links = new ArrayList<>();
    int last = Math.max(page.getTotalPages() - 1, 0);
    links.add(link(0, page.getSize(), "first"));
    if (page.hasPrevious()) {
      links.add(link(page.getNumber() - 1, page.getSize(), "prev"));
    }
    if (page.hasNext()) {
      links.add(link(page.getNumber() + 1, page.getSize(), "next"));
    }
    links.add(link(last, page.getSize(), "last"));
    return String.join(", ", links);
  }

  private static String link(int page, int size, String rel) {
    String uri = ServletUriComponentsBuilder.fromCurrentRequest()
        .replaceQueryParam("page", page).replaceQueryParam("size", size).build().toUriString();
    return "<" + uri + ">; rel=\"" + rel + "\"";
  }
}
