package io.github.quotemailer.testing;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Closes what a test opened (servers, mailers, workers), newest first, after each test. Register it
 * with a higher {@code @Order} than {@link CapturedLogs}, so it runs first and the logs are checked
 * once everything is closed.
 */
public final class Closer implements AfterEachCallback {
  private final List<AutoCloseable> open = new ArrayList<>();

  /** Registers {@code closeable} to be closed after the test, and returns it. */
  public synchronized <T extends AutoCloseable> T track(T closeable) {
    open.add(closeable);
    return closeable;
  }

  @Override
  public void afterEach(ExtensionContext context) throws Exception {
    List<AutoCloseable> toClose;
    synchronized (this) {
      toClose = new ArrayList<>(open);
      open.clear();
    }
    Exception first = null;
    for (int i = toClose.size() - 1; i >= 0; i--) {
      try {
        toClose.get(i).close();
      } catch (Exception e) {
        if (first == null) {
          first = e;
        } else {
          first.addSuppressed(e);
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }
}
