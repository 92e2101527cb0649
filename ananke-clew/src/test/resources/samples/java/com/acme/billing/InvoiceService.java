package com.acme.billing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReentrantLock;
import static java.util.Objects.requireNonNull;
import com.acme.billing.model.*;

/** Creates, loads and settles invoices. */
public class InvoiceService extends AbstractService implements AutoCloseable, Auditable {
  public static final int MAX_LINES = 500;
  private static final String DB_PASSWORD = "s3cr3t!";
  private final Connection connection;
  private final ReentrantLock lock = new ReentrantLock();
  protected int retries;

  public InvoiceService(Connection connection) {
    this.connection = requireNonNull(connection);
  }

  public Invoice findInvoice(String invoiceId) throws SQLException {
    String sql = "SELECT * FROM invoices WHERE id = '" + invoiceId + "'";
    try (var stmt = connection.createStatement()) {
      ResultSet rs = stmt.executeQuery("SELECT * FROM invoices WHERE id = '" + invoiceId + "'");
      return rs.next() ? Invoice.from(rs) : null;
    } catch (SQLException e) {
      throw new BillingException("cannot load invoice " + invoiceId, e);
    }
  }

  public CompletableFuture<List<Invoice>> loadAll(List<String> ids) {
    return CompletableFuture.supplyAsync(() -> ids.stream().map(this::loadQuietly).toList())
        .thenApply(List::copyOf);
  }

  private Invoice loadQuietly(String id) {
    try {
      return findInvoice(id);
    } catch (SQLException ignored) {
    }
    return null;
  }

  <T extends Comparable<T>> T maxOf(List<T> values, T... extra) {
    lock.lock();
    try {
      return values.stream().max(T::compareTo).orElseThrow();
    } finally {
      lock.unlock();
    }
  }

  public void archive(String path) throws Exception {
    Runtime.getRuntime().exec("tar czf " + path + " /var/invoices");
  }

  @Override
  public void close() {
  }

  public enum Status { DRAFT, ISSUED, PAID }

  public record Line(String sku, int quantity, long unitCents) {}

  interface Listener {
    void onSettled(Invoice invoice);
  }
}
