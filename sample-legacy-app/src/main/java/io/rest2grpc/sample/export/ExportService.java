package io.rest2grpc.sample.export;

import io.rest2grpc.sample.error.ApiException;
import io.rest2grpc.sample.order.Order;
import io.rest2grpc.sample.order.OrderFilter;
import io.rest2grpc.sample.order.OrderService;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Service;

/** Runs order exports in the background and keeps the results in memory (lost on restart, as in the original). */
@Service
public class ExportService {

  private static final Logger log = LoggerFactory.getLogger(ExportService.class);

  private final OrderService orders;
  private final TaskExecutor executor;
  private final Map<String, ExportJob> jobs = new ConcurrentHashMap<>();
  private final Map<String, String> csvById = new ConcurrentHashMap<>();

  public ExportService(OrderService orders, TaskExecutor executor) {
    this.orders = orders;
    this.executor = executor;
  }

  public ExportJob start(ExportRequest request) {
    String id = "exp_" + UUID.randomUUID().toString().replace("-", "");
    ExportJob job = new ExportJob(id, ExportJob.State.running, request.statuses(), null, now(), null, null);
    jobs.put(id, job);
    executor.execute(() -> run(job));
    return job;
  }

  public ExportJob get(String id) {
    ExportJob job = jobs.get(id);
    if (job == null) {
      throw ApiException.notFound("export", id);
    }
    return job;
  }

  public String content(String id) {
    ExportJob job = get(id);
    if (job.state() != ExportJob.State.completed) {
      throw ApiException.conflict("EXPORT_NOT_READY", "Export " + id + " is " + job.state() + "; poll it until completed");
    }
    return csvById.get(id);
  }

  private void run(ExportJob job) {
    try {
      List<Order> exported = orders.listAll(OrderFilter.byStatuses(job.statuses()));
      csvById.put(job.id(), OrderCsv.write(exported));
      jobs.put(job.id(), job.completed(exported.size(), now()));
    } catch (RuntimeException e) {
      log.error("Export {} failed", job.id(), e);
      jobs.put(job.id(), job.failed(now()));
    }
  }

  private static OffsetDateTime now() {
    return OffsetDateTime.now(ZoneOffset.UTC).withNano(0);
  }
}
