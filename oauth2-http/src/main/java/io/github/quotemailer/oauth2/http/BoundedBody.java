package io.github.quotemailer.oauth2.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import org.jspecify.annotations.Nullable;

/**
 * Collects a response body up to a limit and fails beyond it, so a broken or hostile endpoint
 * cannot make the client buffer without end. A declared {@code Content-Length} over the limit fails
 * before any byte is read.
 */
final class BoundedBody implements BodySubscriber<byte[]> {
  private final int limit;
  private final long declaredLength;
  private final CompletableFuture<byte[]> body = new CompletableFuture<>();
  private final ByteArrayOutputStream received = new ByteArrayOutputStream();
  private Flow.@Nullable Subscription subscription;

  /** A body of at most {@code limit} bytes; {@code declaredLength} is -1 when not declared. */
  BoundedBody(int limit, long declaredLength) {
    this.limit = limit;
    this.declaredLength = declaredLength;
  }

  /** Bodies of at most {@code limit} bytes, whatever their {@code Content-Length} declares. */
  static BodyHandler<byte[]> handler(int limit) {
    return info ->
        new BoundedBody(limit, info.headers().firstValueAsLong("Content-Length").orElse(-1));
  }

  @Override
  public void onSubscribe(Flow.Subscription subscription) {
    this.subscription = subscription;
    if (declaredLength > limit) {
      refuse();
      return;
    }
    subscription.request(Long.MAX_VALUE);
  }

  @Override
  public void onNext(List<ByteBuffer> buffers) {
    for (ByteBuffer buffer : buffers) {
      if (body.isDone()) {
        return;
      }
      if (received.size() + (long) buffer.remaining() > limit) {
        refuse();
        return;
      }
      byte[] bytes = new byte[buffer.remaining()];
      buffer.get(bytes);
      received.write(bytes, 0, bytes.length);
    }
  }

  @Override
  public void onError(Throwable failure) {
    body.completeExceptionally(failure);
  }

  @Override
  public void onComplete() {
    body.complete(received.toByteArray());
  }

  @Override
  public CompletionStage<byte[]> getBody() {
    return body;
  }

  private void refuse() {
    if (subscription != null) {
      subscription.cancel();
    }
    body.completeExceptionally(new TooLarge(limit));
  }

  /** The body was longer than the limit; nothing of it is kept. */
  static final class TooLarge extends IOException {
    private static final long serialVersionUID = 1L;

    TooLarge(int limit) {
      super("the answer is longer than " + limit + " bytes");
    }
  }
}
