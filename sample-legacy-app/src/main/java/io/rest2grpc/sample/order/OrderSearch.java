package io.rest2grpc.sample.order;

import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Repository;

/** Offset/limit queries over orders; Spring Data's page-number paging cannot express an arbitrary offset. */
@Repository
public class OrderSearch {

  private final EntityManager entityManager;

  public OrderSearch(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  public List<Order> find(OrderFilter filter, OrderSort sort, int offset, int limit) {
    CriteriaBuilder cb = entityManager.getCriteriaBuilder();
    CriteriaQuery<Order> query = cb.createQuery(Order.class);
    Root<Order> order = query.from(Order.class);
    Path<?> sortPath = path(order, sort.property());
    query.select(order).where(predicates(cb, order, filter)).orderBy(
        sort.descending() ? cb.desc(sortPath) : cb.asc(sortPath),
        sort.descending() ? cb.desc(order.get("id")) : cb.asc(order.get("id")));
    return entityManager.createQuery(query).setFirstResult(offset).setMaxResults(limit).getResultList();
  }

  public long count(OrderFilter filter) {
    CriteriaBuilder cb = entityManager.getCriteriaBuilder();
    CriteriaQuery<Long> query = cb.createQuery(Long.class);
    Root<Order> order = query.from(Order.class);
    query.select(cb.count(order)).where(predicates(cb, order, filter));
    return entityManager.createQuery(query).getSingleResult();
  }

  private static Predicate[] predicates(CriteriaBuilder cb, Root<Order> order, OrderFilter filter) {
    List<Predicate> predicates = new ArrayList<>();
    if (!filter.statuses().isEmpty()) {
      predicates.add(order.get("status").in(filter.statuses()));
    }
    if (filter.userId() != null) {
      predicates.add(cb.equal(order.get("userId"), filter.userId()));
    }
    if (filter.createdFrom() != null) {
      predicates.add(cb.greaterThanOrEqualTo(order.get("createdAt"), filter.createdFrom()));
    }
    if (filter.createdTo() != null) {
      predicates.add(cb.lessThan(order.get("createdAt"), filter.createdTo()));
    }
    return predicates.toArray(Predicate[]::new);
  }

  private static Path<?> path(Root<Order> root, String dotted) {
    Path<?> path = root;
    for (String part : dotted.split("\\.")) {
      path = path.get(part);
    }
    return path;
  }
}
